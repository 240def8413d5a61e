package latticeq.experiment;

import java.util.List;
import latticeq.data.DatasetSpec;
import latticeq.lattice.Lattice;

/**
 * The datasets of the study, as {@link DatasetSpec}s (so {@code Datasets.loadOrGenerate} caches
 * each by its parameters and seed): a 60 x 4 training pool and validation set at the training mu
 * values, test sets at the training mu values on every test size, and a 60 x 4 test set at the
 * held-out mu values. Each role gets its own master seed (seed + offset), so no test chain
 * repeats a training chain.
 *
 * @param grid                which mu values are trained on and held out
 * @param trainPerMu          training configurations per training mu (paper pool: 20000 in all)
 * @param testPerMu           test configurations per mu and lattice size
 * @param thermSweeps         sweeps discarded at the start of every chain
 * @param decorrelationSweeps sweeps between saved configurations (above the measured tau_int)
 * @param seed                master seed
 */
public record StudyPlan(MuGrid grid, int trainPerMu, int testPerMu, int thermSweeps, int decorrelationSweeps,
                        long seed) {

    /** The lattice the networks are trained on. */
    public static final Lattice TRAIN_LATTICE = new Lattice(60, 4);
    /** The paper's test sizes, smallest first. */
    public static final List<Lattice> TEST_LATTICES = List.of(new Lattice(50, 2), new Lattice(60, 4),
            new Lattice(100, 5), new Lattice(125, 8), new Lattice(200, 10));

    /**
     * The plan at the budget's scale (each value recorded by the budget, so {@code budget.print()}
     * shows it): TRAIN_PER_MU configurations per training mu (x 8 values: a pool of 400 at ci,
     * 20,000 at paper, the paper's), TEST_PER_MU per mu and lattice size, THERM_SWEEPS,
     * DECORRELATION_SWEEPS (paper: above 2 x the largest tau_int, about 20 sweeps, notebook 01),
     * DATA_SEED.
     */
    public static StudyPlan fromBudget(BudgetValues budget) {
        return new StudyPlan(MuGrid.defaults(),
                budget.intValue("TRAIN_PER_MU", 50, 2_500),
                budget.intValue("TEST_PER_MU", 10, 500),
                budget.intValue("THERM_SWEEPS", 200, 5_000),
                budget.intValue("DECORRELATION_SWEEPS", 10, 60),
                budget.longValue("DATA_SEED", 210314686L, 210314686L));
    }

    private static final long VALIDATION_OFFSET = 1, TEST_OFFSET = 2, HELD_OUT_OFFSET = 3;

    public StudyPlan {
        if (grid == null) throw new IllegalArgumentException("grid = null: need a MuGrid");
        if (trainPerMu < 10) {
            throw new IllegalArgumentException("trainPerMu = " + trainPerMu + " is not allowed: need >= 10");
        }
        if (testPerMu < 1) throw new IllegalArgumentException("testPerMu = " + testPerMu + " is not allowed: need >= 1");
        if (thermSweeps < 0) throw new IllegalArgumentException("thermSweeps = " + thermSweeps + " is not allowed: need >= 0");
        if (decorrelationSweeps < 1) {
            throw new IllegalArgumentException("decorrelationSweeps = " + decorrelationSweeps + " is not allowed: need >= 1");
        }
    }

    /** The shuffled 60 x 4 training pool; "the first N" is a subset balanced over mu in expectation. */
    public DatasetSpec training() {
        return DatasetSpec.paper(TRAIN_LATTICE.nt(), TRAIN_LATTICE.nx(), grid.training(), trainPerMu, thermSweeps,
                decorrelationSweeps, seed);
    }

    /** The validation pool: 10 % of the training pool's size, own chains. */
    public DatasetSpec validation() {
        return DatasetSpec.paper(TRAIN_LATTICE.nt(), TRAIN_LATTICE.nx(), grid.training(),
                Math.max(1, PaperProtocol.PAPER.validationShare(trainPerMu)), thermSweeps, decorrelationSweeps, seed + VALIDATION_OFFSET);
    }

    /** Test set on one lattice size at the training mu values. */
    public DatasetSpec test(Lattice lattice) {
        return DatasetSpec.paper(lattice.nt(), lattice.nx(), grid.training(), testPerMu, thermSweeps,
                decorrelationSweeps, seed + TEST_OFFSET);
    }

    /** 60 x 4 test set at the held-out mu values (interpolation and extrapolation). */
    public DatasetSpec heldOut() {
        return DatasetSpec.paper(TRAIN_LATTICE.nt(), TRAIN_LATTICE.nx(), grid.heldOut(), testPerMu, thermSweeps,
                decorrelationSweeps, seed + HELD_OUT_OFFSET);
    }

    /** Every spec of the plan: training, validation, the test sizes, held-out mu. */
    public List<DatasetSpec> all() {
        List<DatasetSpec> out = new java.util.ArrayList<>(List.of(training(), validation()));
        for (Lattice l : TEST_LATTICES) out.add(test(l));
        out.add(heldOut());
        return out;
    }
}
