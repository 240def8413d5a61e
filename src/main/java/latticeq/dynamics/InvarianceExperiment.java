package latticeq.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import latticeq.progress.ProgressListener;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.LayerCommutator;
import latticeq.symmetry.TargetAction;
import latticeq.train.Optimizer;
import latticeq.train.TrainingMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Claim 2 of arXiv:2303.13458: start a network on E cap H_G and train it with {@code latticeq.train}'s
 * trainer, full batch, float64, in several variants from that same start (nominal, augmented with the orbit average, equivariant, and the
 * variants that leave the theory: Adam, random-element augmentation); record ||A - Pi_G A|| per step.
 * Repeated for every support (compatible and incompatible E) and every seed.
 */
public final class InvarianceExperiment {

    /**
     * @param setup    lattice, data and network widths
     * @param supports the admissible spaces to compare (e.g. FULL and TOP_ROWS)
     * @param variants the training variants, all started from the same point of E cap H_G
     * @param steps    full-batch steps per run, >= 1
     * @param every    record every this many steps, >= 1
     * @param seeds    network initialisation seeds (one run per seed, variant and support)
     */
    public record Config(LatticeSetup setup, List<Support> supports, List<Variant> variants, int steps, int every, List<Long> seeds) {
        public Config {
            if (setup == null) throw new IllegalArgumentException("setup = null");
            supports = List.copyOf(supports);
            variants = List.copyOf(variants);
            seeds = List.copyOf(seeds);
            if (supports.isEmpty()) throw new IllegalArgumentException("supports is empty: need at least one");
            if (variants.isEmpty()) throw new IllegalArgumentException("variants is empty: need at least one");
            if (seeds.isEmpty()) throw new IllegalArgumentException("seeds is empty: need at least one");
            if (steps < 1) throw new IllegalArgumentException("steps = " + steps + ": need >= 1");
            if (every < 1) throw new IllegalArgumentException("every = " + every + ": need >= 1");
        }

        /** The five variants of notebook 11: the three modes with SGD, then Adam and random-element augmentation. */
        public static List<Variant> standardVariants(double sgdRate, double adamRate) {
            return List.of(Variant.sgd(TrainingMode.NOMINAL, sgdRate), Variant.sgd(TrainingMode.AUGMENTED, sgdRate),
                    Variant.sgd(TrainingMode.EQUIVARIANT, sgdRate),
                    new Variant(TrainingMode.AUGMENTED, Augmentation.ORBIT, Optimizer.ADAMW_AMSGRAD, adamRate),
                    new Variant(TrainingMode.AUGMENTED, Augmentation.RANDOM, Optimizer.SGD, sgdRate));
        }
    }

    /** Every run, and the commutator report of every support. */
    public record Result(Config config, RegressionData data, List<Trajectory> runs, Map<Support, List<LayerCommutator>> commutators,
                         double wallSeconds) {
        public Result {
            runs = List.copyOf(runs);
            commutators = Map.copyOf(commutators);
        }

        /** The runs of one support and variant label (one per seed). */
        public List<Trajectory> runs(Support support, String label) {
            return runs.stream().filter(t -> t.support() == support && t.label().equals(label)).toList();
        }
    }

    private InvarianceExperiment() {}

    public static Result run(Config c, ProgressListener progress) {
        ProgressListener p = progress == null ? ProgressListener.none() : progress;
        long t0 = System.nanoTime();
        RegressionData data = c.setup().data(ProgressListener.none());
        INDArray x = data.features(), y = data.labels();
        LatticeGroup lg = c.setup().latticeGroup(data.lattice());
        SymmetricArchitecture arch = c.setup().architecture();
        List<Trajectory> runs = new ArrayList<>();
        Map<Support, List<LayerCommutator>> comm = new LinkedHashMap<>();
        long total = (long) c.supports().size() * c.seeds().size() * c.variants().size(), done = 0;
        for (Support support : c.supports()) {
            NetworkSubspaces spaces = arch.subspaces(support);
            comm.put(support, spaces.commutators());
            for (long seed : c.seeds()) {
                MultiLayerNetwork start = arch.build(seed);
                spaces.projectOntoIntersection(start, true);
                INDArray a0 = start.params().dup();
                for (Variant v : c.variants()) {
                    runs.add(TrajectoryRecorder.run(spaces, lg, TargetAction.invariant(1), v, seed, a0, x, y, c.steps(), c.every()).trajectory());
                    p.update(++done, total, support.label() + " " + v.label() + " seed " + seed);
                }
            }
        }
        p.finish();
        return new Result(c, data, runs, comm, (System.nanoTime() - t0) / 1e9);
    }
}
