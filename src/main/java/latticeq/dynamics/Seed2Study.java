package latticeq.dynamics;

import java.util.ArrayList;
import java.util.List;
import latticeq.experiment.BudgetValues;
import latticeq.symmetry.PointGroup;
import latticeq.train.TrainingMode;

/**
 * The seed-2 studies (arXiv:2303.13458) as notebooks 10, 11, 12 and 14 set them up, one record per
 * notebook, built from a budget through {@link BudgetValues} (which the notebook layer's
 * {@code Budget} implements): the CI and paper presets live here, and every value read still prints
 * with {@code budget.print()} under its {@code LATTICEQ_<NAME>} override.
 *
 * <pre>{@code
 * var study = Seed2Study.Invariance.fromBudget(budget);
 * InvarianceExperiment.Result result = InvarianceExperiment.run(study.config(), bar);
 * }</pre>
 */
public final class Seed2Study {
    private Seed2Study() {}

    /** The point groups a budget may choose by order, by name ({@link PointGroup#named}). */
    private static final List<String> GROUPS = List.of("C4", "D4");

    /**
     * The point group of this order among C4 and D4, looked up by name. The budget value is an order
     * (budgets hold numbers); an order that names no group is an error naming the variable, never a
     * fallback to D4.
     */
    public static PointGroup groupOfOrder(String variable, int order) {
        for (String name : GROUPS) {
            PointGroup g = PointGroup.named(name);
            if (g.order() == order) return g;
        }
        throw new IllegalArgumentException(variable + " = " + order + " is not allowed: need 4 (C4) or 8 (D4)");
    }

    /** {@code count} consecutive seeds from {@code first}. */
    static List<Long> seeds(long first, int count) {
        if (count < 1) throw new IllegalArgumentException("seed count = " + count + ": need >= 1");
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(first + i);
        return out;
    }

    /**
     * Notebook 10: the projections shown on one worm-sampler configuration and tested on random kernels.
     *
     * @param side   L of the L x L lattice of the example configuration, >= 3
     * @param sweeps worm-sampler sweeps before the snapshot, >= 0
     * @param trials random kernels per idempotence / adjointness test, >= 1
     * @param eta    the sampler's eta (< 4.01 so that a small snapshot carries visible flux), > 0
     * @param seed   seed of the sampler; seed + 1 draws the random kernels
     */
    public record Projections(int side, int sweeps, int trials, double eta, long seed) {
        public Projections {
            if (side < 3) throw new IllegalArgumentException("side = " + side + ": need >= 3");
            if (sweeps < 0) throw new IllegalArgumentException("sweeps = " + sweeps + ": need >= 0");
            if (trials < 1) throw new IllegalArgumentException("trials = " + trials + ": need >= 1");
            if (!(eta > 0) || !Double.isFinite(eta)) throw new IllegalArgumentException("eta = " + eta + ": need a finite value > 0");
        }

        public static Projections fromBudget(BudgetValues budget) {
            return new Projections(budget.intValue("P10_L", 6, 8), budget.intValue("P10_SWEEPS", 50, 200),
                    budget.intValue("P10_TRIALS", 20, 200), budget.doubleValue("P10_ETA", 3.0, 3.0),
                    budget.longValue("P10_SEED", 1010L, 1010L));
        }
    }

    /**
     * Notebook 11: the invariance of H_G under training (the paper's second claim), with the five standard
     * variants and the non-unitary arm (AUGMENTED orbit SGD through a seeded non-orthonormal basis).
     *
     * @param config   the experiment: lattice, data, supports FULL and TOP_ROWS, variants, steps, seeds
     * @param sgdRate  the SGD step size of every SGD variant
     * @param adamRate the AMSGrad step size
     */
    public record Invariance(InvarianceExperiment.Config config, double sgdRate, double adamRate) {
        public Invariance {
            if (config == null) throw new IllegalArgumentException("config = null");
        }

        public static Invariance fromBudget(BudgetValues budget) {
            int side = budget.intValue("P11_L", 4, 6);                       // L x L lattice
            int samples = budget.intValue("P11_SAMPLES", 16, 48);            // configurations in the (full) batch
            int steps = budget.intValue("P11_STEPS", 30, 300);               // gradient steps per run
            int every = budget.intValue("P11_EVERY", 2, 3);                  // record every this many steps
            int seedCount = budget.intValue("P11_SEEDS", 1, 3);              // network initialisations
            PointGroup group = groupOfOrder("P11_GROUP_ORDER", budget.intValue("P11_GROUP_ORDER", 4, 8));
            double sgdRate = budget.doubleValue("P11_SGD_LR", 0.02, 0.02);   // the loss falls at every step (notebook's LOSS line)
            double adamRate = budget.doubleValue("P11_ADAM_LR", 0.005, 0.005);
            long dataSeed = budget.longValue("P11_DATA_SEED", 1111L, 1111L);
            long basisSeed = budget.longValue("P11_BASIS_SEED", 31L, 31L);   // the non-orthonormal basis of the non-unitary arm
            LatticeSetup setup = new LatticeSetup(side, samples, group, List.of(1, 1), List.of(), 100, 4, dataSeed);
            List<Variant> variants = new ArrayList<>(InvarianceExperiment.Config.standardVariants(sgdRate, adamRate));
            variants.add(Variant.sgd(TrainingMode.AUGMENTED, sgdRate).withRandomBasis(basisSeed));
            return new Invariance(new InvarianceExperiment.Config(setup, List.of(Support.FULL, Support.TOP_ROWS), variants, steps, every,
                    seeds(100L, seedCount)), sgdRate, adamRate);
        }

        public PointGroup group() {
            return config.setup().group();
        }
    }

    /**
     * Notebook 12: the stability of an equivariant point (the paper's third theorem): SGD on E cap H_G to A*,
     * refined to a true minimum, then a perturbation orthogonal to E cap H_G and the three modes continued.
     */
    public record Stability(StabilityExperiment.Config config) {
        public Stability {
            if (config == null) throw new IllegalArgumentException("config = null");
        }

        public static Stability fromBudget(BudgetValues budget) {
            int side = budget.intValue("P12_L", 4, 6);
            int samples = budget.intValue("P12_SAMPLES", 16, 48);
            PointGroup group = groupOfOrder("P12_GROUP_ORDER", budget.intValue("P12_GROUP_ORDER", 4, 8));
            int eqSteps = budget.intValue("P12_EQ_STEPS", 80, 1500);               // SGD steps towards A*
            double eqRate = budget.doubleValue("P12_EQ_LR", 0.2, 0.2);
            int continueSteps = budget.intValue("P12_CONTINUE_STEPS", 30, 600);     // steps after the perturbation
            double rate = budget.doubleValue("P12_LR", 0.2, 0.2);
            double perturbation = budget.doubleValue("P12_EPS", 1e-3, 1e-3);        // ||eps|| / ||A*||
            int every = budget.intValue("P12_EVERY", 4, 10);
            int seedCount = budget.intValue("P12_SEEDS", 2, 3);
            int curvatureIterations = budget.intValue("P12_CURVATURE_ITERATIONS", 6, 40);   // Lanczos steps
            int refineSteps = budget.intValue("P12_REFINE_STEPS", 100, 2000);       // line-search descent steps per round
            int refineRounds = budget.intValue("P12_REFINE_ROUNDS", 2, 5);          // descent + negative-curvature escape rounds
            int direction = budget.intValue("P12_DIRECTION", 1, 1);
            if (direction != 0 && direction != 1) {
                throw new IllegalArgumentException("P12_DIRECTION = " + direction + " is not allowed: need 1 (lowest curvature) or 0 (random)");
            }
            long dataSeed = budget.longValue("P12_DATA_SEED", 1212L, 1212L);
            LatticeSetup setup = new LatticeSetup(side, samples, group, List.of(1, 1), List.of(), 100, 4, dataSeed);
            return new Stability(new StabilityExperiment.Config(setup, Support.FULL, eqSteps, eqRate, continueSteps, rate, perturbation,
                    every, seeds(200L, seedCount), curvatureIterations,
                    direction == 1 ? StabilityExperiment.Direction.LOWEST_CURVATURE : StabilityExperiment.Direction.RANDOM,
                    refineSteps, refineRounds));
        }
    }

    /**
     * Notebook 14: the authors' experiment (equivariant training, then augmented training from E) on
     * Fashion-MNIST and on lattice configurations, reduced at the CI budget.
     *
     * @param config     the authors' protocol with the budget's widths, epochs and runs per arm
     * @param workers    runs at once in this JVM (FIT_WORKERS), >= 1
     * @param images     Fashion-MNIST training images (authors: 60,000)
     * @param imageTest  Fashion-MNIST test images
     * @param side       lattice side (two poolings: a multiple of 4, >= 12)
     * @param configs    lattice training configurations
     * @param configTest lattice test configurations
     * @param orbitRuns  runs per arm of the orbit-minibatch check
     */
    public record Authors(EquivariantThenAugmented.Config config, int workers, int images, int imageTest, int side, int configs,
                          int configTest, int orbitRuns) {
        public Authors {
            if (config == null) throw new IllegalArgumentException("config = null");
            if (workers < 1) throw new IllegalArgumentException("workers = " + workers + ": need >= 1");
            if (images < 1 || imageTest < 1) throw new IllegalArgumentException("images = " + images + ", imageTest = " + imageTest + ": need >= 1");
            if (side < 12 || side % 4 != 0) throw new IllegalArgumentException("side = " + side + ": need a multiple of 4, >= 12");
            if (configs < 1 || configTest < 1) throw new IllegalArgumentException("configs = " + configs + ", configTest = " + configTest + ": need >= 1");
            if (orbitRuns < 1) throw new IllegalArgumentException("orbitRuns = " + orbitRuns + ": need >= 1");
        }

        public static Authors fromBudget(BudgetValues budget) {
            int cores = Runtime.getRuntime().availableProcessors();
            int workers = budget.intValue("FIT_WORKERS", cores, cores);
            int runs = budget.intValue("P14_RUNS", 3, 30);                   // runs per arm (authors: 30)
            int width = budget.intValue("P14_WIDTH", 4, 32);                 // first conv layer; then 2x, 2x (authors: 32, 64, 64)
            int images = budget.intValue("P14_IMAGES", 40, 600);             // training images (authors: 60,000 digits)
            int imageTest = budget.intValue("P14_IMAGE_TEST", 40, 500);
            int eqEpochs = budget.intValue("P14_EQ_EPOCHS", 1, 8);           // authors: 250
            int augEpochs = budget.intValue("P14_AUG_EPOCHS", 1, 2);         // authors: 10
            int side = budget.intValue("P14_L", 12, 16);
            int configs = budget.intValue("P14_CONFIGS", 40, 400);
            int configTest = budget.intValue("P14_CONFIG_TEST", 20, 100);
            int orbitRuns = budget.intValue("P14_ORBIT_RUNS", 1, 3);
            long seed = budget.longValue("P14_SEED", 1414L, 1414L);
            var config = EquivariantThenAugmented.Config.authors(seed).withChannels(List.of(width, 2 * width, 2 * width))
                    .withEpochs(eqEpochs, augEpochs).withRuns(runs);
            return new Authors(config, workers, images, imageTest, side, configs, configTest, orbitRuns);
        }

        /** The lattice task's data: |phi|^2 at mu = 0 on side x side, configs + configTest configurations. */
        public RegressionData latticeData() {
            return RegressionData.phi2AtZeroMu(side, configs + configTest, 100, 4, config.seed(), null);
        }

        /** "(3 runs/arm, 40 images or 40 configs, 1+1 epochs; authors: ...)": the reduction, for claim texts. */
        public String reduction() {
            return String.format("(%d runs/arm, %d images or %d configs, %d+%d epochs; authors: 30 runs, 60,000 images, 250+10 epochs)",
                    config.runs(), images, configs, config.equivariantEpochs(), config.augmentedEpochs());
        }
    }
}
