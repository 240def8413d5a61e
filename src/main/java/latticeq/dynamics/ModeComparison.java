package latticeq.dynamics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import latticeq.augment.Augmenter;
import latticeq.augment.Batch;
import latticeq.data.idx.FashionMnist;
import latticeq.lattice.Lattice;
import latticeq.nn.LatticeModel;
import latticeq.progress.ProgressListener;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.LatticeGroups;
import latticeq.symmetry.PointGroup;
import latticeq.symmetry.TargetAction;
import latticeq.train.EpochRecord;
import latticeq.train.Scores;
import latticeq.train.Trainer;
import latticeq.train.TrainingMode;
import latticeq.train.TrainingResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Claim 5 of arXiv:2303.13458, the practical comparison: NOMINAL, AUGMENTED and EQUIVARIANT
 * training ({@code latticeq.train}'s trainer, float64, seeded minibatches, no early stopping) of the
 * same architecture from the same equivariant start (a random point projected onto E cap H_G); per epoch the train and test loss, the test accuracy
 * (classification), the loss and accuracy on a test set whose samples are transformed by random
 * group elements, the distance ||A - Pi_G A|| / ||A|| and the cumulative wall time of the
 * trainer's epochs (its own validation pass included, this class's extra evaluations excluded).
 */
public final class ModeComparison {

    /**
     * A supervised task with its symmetry.
     *
     * @param name         shown in tables
     * @param architecture the network family (its head decides regression or classification)
     * @param group        the lattice group the augmentation samples from
     * @param targets      how targets transform (invariant here)
     * @param trainX       NCHW float64 training inputs
     * @param trainY       training targets [N, outputs]
     * @param testX        test inputs
     * @param testY        test targets
     */
    public record Task(String name, SymmetricArchitecture architecture, LatticeGroup group, TargetAction targets,
                       INDArray trainX, INDArray trainY, INDArray testX, INDArray testY) {
        public Task {
            if (architecture == null || group == null || targets == null) throw new IllegalArgumentException("architecture, group and targets must not be null");
            for (INDArray a : new INDArray[] {trainX, trainY, testX, testY}) {
                if (a == null) throw new IllegalArgumentException("data arrays must not be null");
            }
            if (trainX.size(0) != trainY.size(0) || testX.size(0) != testY.size(0)) {
                throw new IllegalArgumentException("inputs and targets differ in length: train " + trainX.size(0) + " vs " + trainY.size(0)
                        + ", test " + testX.size(0) + " vs " + testY.size(0));
            }
            if (trainX.size(1) != architecture.input().channels()) {
                throw new IllegalArgumentException("trainX has " + trainX.size(1) + " channels: the architecture needs " + architecture.input().channels());
            }
            if (!group.pointGroup().equals(architecture.group())) {
                throw new IllegalArgumentException("group " + group + " does not act by the architecture's " + architecture.group().name());
            }
        }

        public boolean classification() {
            return architecture.head() == latticeq.nn.Head.CLASSIFICATION;
        }

        /**
         * |phi|^2 regression on L x L configurations at mu = 0: the first {@code train} samples
         * train, the next {@code test} test; G = C4 or D4 about the origin.
         */
        public static Task phi2(RegressionData data, int train, int test, PointGroup group, List<Integer> convCopies, List<Integer> denseCopies) {
            if (train < 1 || test < 1 || train + test > data.size()) {
                throw new IllegalArgumentException("train = " + train + ", test = " + test + ": need >= 1 each and train + test <= " + data.size());
            }
            Lattice lat = data.lattice();
            LatticeGroup lg = LatticeGroups.of(lat, group);
            return new Task("|phi|^2 on " + lat + " at mu = 0, " + group.name(), SymmetricArchitecture.linkRegression(group, convCopies, denseCopies), lg,
                    TargetAction.invariant(1), data.features(0, train), data.labels(0, train), data.features(train, train + test),
                    data.labels(train, train + test));
        }

        /**
         * Fashion-MNIST classification: the first {@code train} images of the training split and the
         * first {@code test} of the test split, downscaled by {@code factor} (block means), with C4
         * rotations about the image centre.
         */
        public static Task fashionMnist(Path directory, int train, int test, int factor, List<Integer> convCopies, List<Integer> denseCopies)
                throws IOException {
            FashionMnist tr = FashionMnist.load(directory, "train"), te = FashionMnist.load(directory, "t10k");
            INDArray trX = tr.images().toNchw(0, train, factor, DataType.DOUBLE), teX = te.images().toNchw(0, test, factor, DataType.DOUBLE);
            Lattice lat = new Lattice((int) trX.size(2), (int) trX.size(3));
            return new Task("Fashion-MNIST " + lat.nt() + "x" + lat.nx() + ", C4", SymmetricArchitecture.imageClassifier(PointGroup.c4(), convCopies,
                    denseCopies, FashionMnist.CLASSES), LatticeGroups.centred(lat, PointGroup.c4()), TargetAction.invariant(FashionMnist.CLASSES),
                    trX, tr.labels().oneHot(0, train, FashionMnist.CLASSES, DataType.DOUBLE), teX,
                    te.labels().oneHot(0, test, FashionMnist.CLASSES, DataType.DOUBLE));
        }
    }

    /**
     * @param variants           training variants (e.g. NOMINAL, AUGMENTED/random, EQUIVARIANT with Adam)
     * @param support            the admissible space E of the conv kernels
     * @param epochs             passes over the training set, >= 1
     * @param batchSize          minibatch size, >= 1
     * @param seeds              initialisation (and shuffling, and augmentation) seeds
     * @param testTransformSeed  seed of the random elements applied to the transformed test set
     * @param plainReference     also train, per seed, the same architecture NOMINALLY (the first variant's optimizer and
     *                           rate) from its ordinary seeded initialisation, not projected onto E cap H_G: the plain
     *                           network the comparison is judged against, labelled {@link #REFERENCE}
     */
    public record Config(List<Variant> variants, Support support, int epochs, int batchSize, List<Long> seeds, long testTransformSeed,
                         boolean plainReference) {
        /** Label of the plain reference runs. */
        public static final String REFERENCE = "REFERENCE (nominal, plain start)";

        public Config {
            variants = List.copyOf(variants);
            seeds = List.copyOf(seeds);
            if (variants.isEmpty()) throw new IllegalArgumentException("variants is empty: need at least one");
            if (seeds.isEmpty()) throw new IllegalArgumentException("seeds is empty: need at least one");
            if (support == null) throw new IllegalArgumentException("support = null");
            if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + ": need >= 1");
            if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + ": need >= 1");
        }

        /** Without the plain reference. */
        public Config(List<Variant> variants, Support support, int epochs, int batchSize, List<Long> seeds, long testTransformSeed) {
            this(variants, support, epochs, batchSize, seeds, testTransformSeed, false);
        }

        /** NOMINAL, AUGMENTED (one random element per sample) and EQUIVARIANT, all with AMSGrad at {@code rate}. */
        public static List<Variant> adamModes(double rate) {
            return List.of(Variant.adam(TrainingMode.NOMINAL, rate), Variant.adam(TrainingMode.AUGMENTED, rate),
                    Variant.adam(TrainingMode.EQUIVARIANT, rate));
        }
    }

    /** One variant and seed; arrays have epochs + 1 entries (entry 0: before training). */
    public record Run(String label, long seed, double[] trainLoss, double[] testLoss, double[] testAccuracy, double[] transformedTestLoss,
                      double[] transformedTestAccuracy, double[] distance, double[] seconds, long steps) {
        public double[] epochAxis() {
            double[] e = new double[trainLoss.length];
            for (int i = 0; i < e.length; i++) e[i] = i;
            return e;
        }

        public double last(double[] a) {
            return a[a.length - 1];
        }
    }

    /**
     * The last epoch of one variant: losses and accuracies are means over seeds, the distance from H_G the
     * maximum over seeds (accuracies NaN for regression).
     */
    public record Summary(String task, String variant, double testLoss, double transformedTestLoss, double testAccuracy,
                          double transformedAccuracy, double distance, double secondsPerEpoch, long steps) {}

    /** Mean and min-max band over seeds, per epoch. */
    public record Band(double[] mean, double[] low, double[] high) {}

    public record Result(String task, Config config, List<Run> runs, double wallSeconds) {
        public Result {
            runs = List.copyOf(runs);
        }

        public List<Run> runs(String label) {
            return runs.stream().filter(r -> r.label().equals(label)).toList();
        }

        /** Mean and range over seeds of one metric of one variant. */
        public Band band(String label, Function<Run, double[]> metric) {
            List<double[]> xs = runs(label).stream().map(metric).toList();
            if (xs.isEmpty()) throw new IllegalArgumentException("no runs labelled " + label);
            int n = xs.get(0).length;
            double[] mean = new double[n], lo = new double[n], hi = new double[n];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (double[] x : xs) {
                for (int i = 0; i < n; i++) {
                    mean[i] += x[i] / xs.size();
                    lo[i] = Math.min(lo[i], x[i]);
                    hi[i] = Math.max(hi[i], x[i]);
                }
            }
            return new Band(mean, lo, hi);
        }

        /** The last epoch of one variant, over seeds. */
        public Summary summary(String label) {
            List<Run> rs = runs(label);
            if (rs.isEmpty()) throw new IllegalArgumentException("no runs labelled " + label);
            double tl = 0, tt = 0, ta = 0, tta = 0, d = 0;
            for (Run r : rs) {
                tl += r.last(r.testLoss()) / rs.size();
                tt += r.last(r.transformedTestLoss()) / rs.size();
                ta += r.last(r.testAccuracy()) / rs.size();
                tta += r.last(r.transformedTestAccuracy()) / rs.size();
                d = Math.max(d, r.last(r.distance()));
            }
            return new Summary(task, label, tl, tt, ta, tta, d, secondsPerEpoch(label), rs.get(0).steps());
        }

        /** Labels of the runs in the order first met (the variants, then the reference if any). */
        public List<String> labels() {
            return runs.stream().map(Run::label).distinct().toList();
        }

        /** Mean training seconds per epoch of one variant. */
        public double secondsPerEpoch(String label) {
            return runs(label).stream().mapToDouble(r -> r.last(r.seconds()) / (r.seconds().length - 1)).average().orElse(Double.NaN);
        }
    }

    private ModeComparison() {}

    public static Result run(Task task, Config c, ProgressListener progress) {
        ProgressListener p = progress == null ? ProgressListener.none() : progress;
        long t0 = System.nanoTime();
        SymmetricArchitecture arch = task.architecture();
        NetworkSubspaces spaces = arch.subspaces(c.support());
        Batch transformed = new Augmenter(task.group(), arch.input(), task.targets(), c.testTransformSeed()).random(task.testX(), task.testY());
        int n = (int) task.trainX().size(0);
        int perEpoch = (n + c.batchSize() - 1) / c.batchSize();
        long total = (long) (c.variants().size() + (c.plainReference() ? 1 : 0)) * c.seeds().size() * c.epochs();
        long[] done = {0};
        DataSet train = new DataSet(task.trainX(), task.trainY()), test = new DataSet(task.testX(), task.testY());
        List<Run> runs = new ArrayList<>();
        List<Variant> variants = new ArrayList<>(c.variants());
        Variant first0 = c.variants().get(0);
        if (c.plainReference()) variants.add(new Variant(TrainingMode.NOMINAL, Augmentation.NONE, first0.optimizer(), first0.learningRate()));
        for (long seed : c.seeds()) {
            for (int vi = 0; vi < variants.size(); vi++) {
                Variant v = variants.get(vi);
                boolean reference = vi == c.variants().size();
                String label = reference ? Config.REFERENCE : v.label();
                // the same equivariant start for every mode (the seed's random point projected, norm kept, onto
                // E cap H_G), so that whether NOMINAL or AUGMENTED training leaves H_G is measured, not built in;
                // the reference starts from the plain seeded initialisation
                MultiLayerNetwork start = arch.build(seed);
                if (!reference) spaces.projectOntoIntersection(start, true);
                Trainer trainer = Training.trainer(spaces, task.group(), task.targets(), v, seed, c.epochs(), c.batchSize(), start.params().dup());
                int e1 = c.epochs() + 1;
                double[] trL = new double[e1], teL = new double[e1], teA = new double[e1], tfL = new double[e1], tfA = new double[e1],
                        dist = new double[e1], sec = new double[e1];
                double[] hookSeconds = new double[e1];
                MultiLayerNetwork first = trainer.initialNetwork();
                trL[0] = scores(task, first, task.trainX(), task.trainY()).loss();
                Scores test0 = scores(task, first, task.testX(), task.testY());
                teL[0] = test0.loss();
                teA[0] = task.classification() ? test0.accuracy() : Double.NaN;
                evaluateTransformed(task, first, spaces, transformed, 0, tfL, tfA, dist);
                long[] steps = {0};
                TrainingResult r = trainer.onStep((step, epoch, net, loss) -> {
                    steps[0] = step;
                    if (step % perEpoch != 0) return;
                    long h0 = System.nanoTime();
                    int e = (int) (step / perEpoch);
                    trL[e] = scores(task, net, task.trainX(), task.trainY()).loss();
                    evaluateTransformed(task, net, spaces, transformed, e, tfL, tfA, dist);
                    hookSeconds[e] = (System.nanoTime() - h0) / 1e9;
                    p.update(++done[0], total, label + " seed " + seed + " epoch " + e);
                }).fit(train, test);
                List<EpochRecord> epochs = r.history().epochs();
                double seconds = 0;
                for (int e = 1; e < e1; e++) {
                    EpochRecord rec = epochs.get(e - 1);
                    teL[e] = rec.validationLoss();
                    teA[e] = rec.accuracy();
                    seconds += rec.wallSeconds() - hookSeconds[e];
                    sec[e] = seconds;
                }
                runs.add(new Run(label, seed, trL, teL, teA, tfL, tfA, dist, sec, steps[0]));
            }
        }
        p.finish();
        return new Result(task.name(), c, runs, (System.nanoTime() - t0) / 1e9);
    }

    private static void evaluateTransformed(Task task, MultiLayerNetwork net, NetworkSubspaces spaces, Batch transformed, int e,
                                            double[] tfL, double[] tfA, double[] dist) {
        Scores tf = scores(task, net, transformed.features(), transformed.labels());
        tfL[e] = tf.loss();
        tfA[e] = task.classification() ? tf.accuracy() : Double.NaN;
        dist[e] = spaces.distanceToEquivariant(net).relative();
    }

    /** The library's one metrics implementation, the predictions through the model's input checks (as the trainer's validation). */
    private static Scores scores(Task task, MultiLayerNetwork net, INDArray x, INDArray y) {
        return Scores.of(new LatticeModel(task.architecture().spec(), net, Map.of()), x, y);
    }
}
