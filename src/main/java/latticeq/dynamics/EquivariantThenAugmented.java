package latticeq.dynamics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import latticeq.augment.Augmenter;
import latticeq.augment.Batch;
import latticeq.data.idx.FashionMnist;
import latticeq.sweep.ParallelFits;
import latticeq.progress.ProgressListener;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.TargetAction;
import latticeq.train.ParamProjection;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The main experiment of the revised arXiv:2303.13458 (usinedepain/eq_aug_dyn,
 * {@code eqv_vs_aug_dyn_experiment_local.py}): a {@link PoolingConvNet} is trained equivariantly
 * (SGD on E = L cap H_G, every gradient projected with Pi_E), then, from that point, with
 * augmentation (SGD on L over the G-orbit of the training set in shuffled minibatches); after every
 * augmented minibatch the distance ||A - Pi_E A|| of every layer to E is recorded. Three arms
 * ({@link Arm}): the compatible cross support, the incompatible skew support, and the cross
 * support parametrized through a random non-orthonormal basis. The second theorem says the first
 * arm stays on E (up to rounding) and gives no such guarantee for the other two.
 *
 * <p>Independent runs go to {@link ParallelFits} workers, one OpenMP thread each, so the bits do
 * not depend on the number of workers. Run i of the cross and of the non-unitary arm share their
 * equivariant phase (the same network before augmentation, as both train the cross support's E):
 * the two arms then differ only in the parametrization of the augmented phase.
 */
public final class EquivariantThenAugmented {

    /** The authors' cross ("plus") support: compatible with C4. */
    public static final boolean[][] CROSS = {{false, true, false}, {true, true, true}, {false, true, false}};
    /** The authors' skew support (the four sides and one corner): C4 does not preserve it. */
    public static final boolean[][] SKEW = {{true, true, false}, {true, false, true}, {false, true, false}};

    /** The three arms of the experiment. */
    public enum Arm {
        CROSS("cross", "compatible support, orthonormal parametrization"),
        SKEW("skew", "incompatible support, orthonormal parametrization"),
        NON_UNITARY("non-unitary", "compatible support, random non-orthonormal parametrization");

        private final String label, description;

        Arm(String label, String description) {
            this.label = label;
            this.description = description;
        }

        public String label() {
            return label;
        }

        public String description() {
            return description;
        }

        /** The support L of every conv kernel. */
        public boolean[][] support() {
            return this == SKEW ? EquivariantThenAugmented.SKEW : EquivariantThenAugmented.CROSS;
        }
    }

    /**
     * A data set with its symmetry.
     *
     * @param name           shown in tables
     * @param input          field type of the inputs
     * @param classification one-hot targets (accuracy reported) or a regression target
     * @param trainX         NCHW training inputs (square)
     * @param trainY         targets [N, outputs]
     * @param testX          test inputs
     * @param testY          test targets
     */
    public record Task(String name, FieldType input, boolean classification, INDArray trainX, INDArray trainY, INDArray testX,
                       INDArray testY) {
        public Task {
            if (input == null) throw new IllegalArgumentException("input = null: need the inputs' field type");
            for (INDArray a : new INDArray[] {trainX, trainY, testX, testY}) if (a == null) throw new IllegalArgumentException("data arrays must not be null");
            if (trainX.rank() != 4 || trainX.size(2) != trainX.size(3)) {
                throw new IllegalArgumentException("trainX shape = " + Arrays.toString(trainX.shape()) + ": need square [N, C, L, L] inputs");
            }
            if (trainX.size(1) != input.channels()) throw new IllegalArgumentException("trainX has " + trainX.size(1) + " channels: the field type has " + input.channels());
            if (trainX.size(0) != trainY.size(0) || testX.size(0) != testY.size(0)) {
                throw new IllegalArgumentException("inputs and targets differ in length: train " + trainX.size(0) + " vs " + trainY.size(0) + ", test "
                        + testX.size(0) + " vs " + testY.size(0));
            }
        }

        public int side() {
            return (int) trainX.size(2);
        }

        public int outputs() {
            return (int) trainY.size(1);
        }

        public int trainSize() {
            return (int) trainX.size(0);
        }

        /**
         * Fashion-MNIST at full resolution (28 x 28): the first {@code train} training and
         * {@code test} test images, standardised with the mean and standard deviation of the
         * training images used (the authors: of MNIST's training set), one-hot labels.
         */
        public static Task fashionMnist(Path directory, int train, int test) throws IOException {
            FashionMnist tr = FashionMnist.load(directory, "train"), te = FashionMnist.load(directory, "t10k");
            if (train < 1 || train > tr.images().count()) throw new IllegalArgumentException("train = " + train + ": need 1.." + tr.images().count());
            if (test < 1 || test > te.images().count()) throw new IllegalArgumentException("test = " + test + ": need 1.." + te.images().count());
            INDArray x = tr.images().toNchw(0, train, 1, DataType.DOUBLE), tx = te.images().toNchw(0, test, 1, DataType.DOUBLE);
            double mean = x.meanNumber().doubleValue(), std = x.stdNumber().doubleValue();
            x.subi(mean).divi(std);
            tx.subi(mean).divi(std);
            return new Task("Fashion-MNIST 28x28, C4", FieldType.scalar(1), true, x, tr.labels().oneHot(0, train, FashionMnist.CLASSES, DataType.DOUBLE),
                    tx, te.labels().oneHot(0, test, FashionMnist.CLASSES, DataType.DOUBLE));
        }

        /** |phi|^2 regression on L x L configurations at mu = 0 (lifted links): the first {@code train} samples train, the next {@code test} test. */
        public static Task lattice(RegressionData data, int train, int test) {
            if (train < 1 || test < 1 || train + test > data.size()) {
                throw new IllegalArgumentException("train = " + train + ", test = " + test + ": need >= 1 each and train + test <= " + data.size());
            }
            return new Task("|phi|^2 on " + data.lattice() + " at mu = 0, C4 (centred)", FieldType.liftedLink(), false, data.features(0, train),
                    data.labels(0, train), data.features(train, train + test), data.labels(train, train + test));
        }
    }

    /**
     * @param channels          conv widths (authors: 32, 64, 64)
     * @param equivariantEpochs passes of equivariant SGD over the training set (authors: 250)
     * @param augmentedEpochs   passes of augmented SGD over the orbit of the training set (authors: 10)
     * @param equivariantRate   SGD step of the equivariant phase (authors: 5e-4)
     * @param augmentedRate     SGD step of the augmented phase (authors: 2.5e-4)
     * @param batchSize         minibatch size of both phases (authors: 100)
     * @param runs              runs per arm (authors: 30)
     * @param seed              seed of everything (initialisation, shuffling, bases)
     * @param dataType          FLOAT (as the authors) or DOUBLE
     * @param orbitBatches      false: the authors' minibatches, drawn from the shuffled orbit data set (a minibatch's gradient
     *                          is not G-symmetric, only their average over an epoch is); true: every minibatch holds whole
     *                          orbits (batchSize / |G| samples with all their images), so that every step follows the
     *                          orbit-averaged gradient the theorem is about
     */
    public record Config(List<Integer> channels, int equivariantEpochs, int augmentedEpochs, double equivariantRate, double augmentedRate,
                         int batchSize, int runs, long seed, DataType dataType, boolean orbitBatches) {
        public Config {
            channels = List.copyOf(channels);
            if (equivariantEpochs < 0) throw new IllegalArgumentException("equivariantEpochs = " + equivariantEpochs + ": need >= 0");
            if (augmentedEpochs < 1) throw new IllegalArgumentException("augmentedEpochs = " + augmentedEpochs + ": need >= 1");
            for (double r : new double[] {equivariantRate, augmentedRate}) {
                if (!(r > 0) || !Double.isFinite(r)) throw new IllegalArgumentException("learning rate = " + r + ": need a finite value > 0");
            }
            if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + ": need >= 1");
            if (runs < 1) throw new IllegalArgumentException("runs = " + runs + ": need >= 1");
            if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) throw new IllegalArgumentException("dataType = " + dataType + ": need FLOAT or DOUBLE");
            if (orbitBatches && batchSize % 4 != 0) {
                throw new IllegalArgumentException("batchSize = " + batchSize + " with orbitBatches: need a multiple of |C4| = 4");
            }
        }

        /** The authors' protocol: 32/64/64, 250 + 10 epochs, lr 5e-4 then 2.5e-4, batch 100, 30 runs per arm, float32. */
        public static Config authors(long seed) {
            return new Config(List.of(32, 64, 64), 250, 10, 5e-4, 2.5e-4, 100, 30, seed, DataType.FLOAT, false);
        }

        public Config withEpochs(int equivariant, int augmented) {
            return new Config(channels, equivariant, augmented, equivariantRate, augmentedRate, batchSize, runs, seed, dataType, orbitBatches);
        }

        public Config withRuns(int r) {
            return new Config(channels, equivariantEpochs, augmentedEpochs, equivariantRate, augmentedRate, batchSize, r, seed, dataType, orbitBatches);
        }

        public Config withChannels(List<Integer> c) {
            return new Config(c, equivariantEpochs, augmentedEpochs, equivariantRate, augmentedRate, batchSize, runs, seed, dataType, orbitBatches);
        }

        /** Minibatches of whole orbits (true) or the authors' shuffled orbit data set (false). */
        public Config withOrbitBatches(boolean o) {
            return new Config(channels, equivariantEpochs, augmentedEpochs, equivariantRate, augmentedRate, batchSize, runs, seed, dataType, o);
        }

        public Config withDataType(DataType t) {
            return new Config(channels, equivariantEpochs, augmentedEpochs, equivariantRate, augmentedRate, batchSize, runs, seed, t, orbitBatches);
        }
    }

    /**
     * One run of one arm.
     *
     * @param arm              the arm
     * @param index            run index 0..runs-1
     * @param seed             the run's seed
     * @param equivariantLoss  mean minibatch training loss per equivariant epoch
     * @param augmentedLoss    training loss of every augmented minibatch
     * @param layerDistance    [layer][batch]: ||A_l - Pi_E A_l|| after every augmented minibatch (the authors' measure)
     * @param startDistance    the same distance in all before augmentation (rounding only: the start is on E)
     * @param batchesPerEpoch  augmented minibatches per epoch
     * @param parameterNorm    ||A|| before augmentation
     * @param equivariantTest  test loss and accuracy (NaN for regression) after the equivariant phase
     * @param augmentedTest    the same after the augmented phase
     * @param seconds          wall time of the run's phases (the shared equivariant phase counted in both arms sharing it)
     */
    public record Run(Arm arm, int index, long seed, double[] equivariantLoss, double[] augmentedLoss, double[][] layerDistance,
                      double startDistance, int batchesPerEpoch, double parameterNorm, double[] equivariantTest, double[] augmentedTest,
                      double seconds) {
        /** Distance to E in all layers, sqrt(sum_l d_l^2), after every augmented minibatch. */
        public double[] distance() {
            int n = layerDistance[0].length;
            double[] d = new double[n];
            for (double[] l : layerDistance) for (int b = 0; b < n; b++) d[b] += l[b] * l[b];
            for (int b = 0; b < n; b++) d[b] = Math.sqrt(d[b]);
            return d;
        }

        /** As the authors plot it: entry 0 the start, entry e the mean distance over the minibatches of augmented epoch e. */
        public double[] epochDistance() {
            double[] d = distance();
            int epochs = d.length / batchesPerEpoch;
            double[] out = new double[epochs + 1];
            out[0] = startDistance;
            for (int e = 0; e < epochs; e++) {
                double s = 0;
                for (int b = 0; b < batchesPerEpoch; b++) s += d[e * batchesPerEpoch + b];
                out[e + 1] = s / batchesPerEpoch;
            }
            return out;
        }

        /** The distance after every minibatch of augmented epoch {@code epoch} (1-based). */
        public double[] batchDistance(int epoch) {
            return Arrays.copyOfRange(distance(), (epoch - 1) * batchesPerEpoch, epoch * batchesPerEpoch);
        }

        /** The largest distance over the augmented phase. */
        public double maxDistance() {
            return Arrays.stream(distance()).max().orElse(0);
        }
    }

    /** All runs of all arms. */
    /** An arm's medians over its runs ({@link Result#summary}); distances from E after augmented epochs 1 and the last. */
    public record ArmSummary(String task, String arm, double eqTestLoss, double eqTestAccuracy, double augTestAccuracy, double medianFirstEpoch,
                             double medianLastEpoch, double minLastEpoch, double maxLastEpoch, double medianParameterNorm) {}

    public record Result(String task, Config config, List<Run> runs, int workers, double wallSeconds) {
        public Result {
            runs = List.copyOf(runs);
        }

        public List<Run> runs(Arm arm) {
            return runs.stream().filter(r -> r.arm() == arm).toList();
        }

        /** Median over the arm's runs, pointwise, of a per-run series. */
        public double[] medianSeries(Arm arm, java.util.function.Function<Run, double[]> series) {
            List<double[]> xs = runs(arm).stream().map(series).toList();
            if (xs.isEmpty()) throw new IllegalArgumentException("no runs of arm " + arm);
            double[] out = new double[xs.get(0).length];
            double[] col = new double[xs.size()];
            for (int i = 0; i < out.length; i++) {
                for (int k = 0; k < col.length; k++) col[k] = xs.get(k)[i];
                out[i] = median(col);
            }
            return out;
        }

        /** Median over the arm's runs of a per-run number. */
        public double median(Arm arm, java.util.function.ToDoubleFunction<Run> value) {
            return median(runs(arm).stream().mapToDouble(value).toArray());
        }

        /**
         * One row per arm: medians over its runs of the test loss and accuracy after each phase, of the
         * distance from E after the first and the last augmented epoch, and of ||A||; the range of the last.
         */
        public List<ArmSummary> summary() {
            int last = config.augmentedEpochs();
            List<ArmSummary> out = new java.util.ArrayList<>();
            for (Arm a : Arm.values()) {
                double[] end = runs(a).stream().mapToDouble(x -> x.epochDistance()[last]).toArray();
                out.add(new ArmSummary(task, a.label(), median(a, x -> x.equivariantTest()[0]), median(a, x -> x.equivariantTest()[1]),
                        median(a, x -> x.augmentedTest()[1]), median(a, x -> x.epochDistance()[1]), median(end),
                        java.util.Arrays.stream(end).min().orElse(0), java.util.Arrays.stream(end).max().orElse(0),
                        median(a, Run::parameterNorm)));
            }
            return out;
        }

        static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }
    }

    /** |C4|: the rows of one sample's orbit. */
    private static final int ORDER = 4;

    private EquivariantThenAugmented() {}

    /** Runs every arm {@code config.runs()} times on {@code workers} threads (1..cores). */
    public static Result run(Task task, Config c, int workers, ProgressListener progress) throws IOException {
        ProgressListener p = progress == null ? ProgressListener.none() : progress;
        long t0 = System.nanoTime();
        PoolingConvNet net = new PoolingConvNet(task.input(), task.side(), latticeq.symmetry.PointGroup.c4(), c.channels(), task.outputs());
        Batch orbit = Augmenter.orbit(net.inputGroup(), task.input(), TargetAction.invariant(task.outputs()), task.trainX(), task.trainY());
        Data eq = Data.of(task.trainX(), task.trainY(), c.dataType()), aug = Data.of(orbit.features(), orbit.labels(), c.dataType());
        int batches = (aug.n + c.batchSize() - 1) / c.batchSize();
        long perRun = (long) c.equivariantEpochs() * ((eq.n + c.batchSize() - 1) / c.batchSize()) + (long) c.augmentedEpochs() * batches;
        long total = perRun * c.runs() * 3 - (long) c.equivariantEpochs() * ((eq.n + c.batchSize() - 1) / c.batchSize()) * c.runs();
        long[] done = {0};
        StepCounter counter = () -> {
            synchronized (done) {
                done[0]++;
                if (done[0] % 20 == 0 || done[0] == total) p.update(done[0], total, "minibatch " + done[0] + " of " + total);
            }
        };
        UniformRandomProvider seeds = RandomSource.SPLIT_MIX_64.create(c.seed());
        List<ParallelFits.Task<List<Run>>> tasks = new ArrayList<>();
        for (int i = 0; i < c.runs(); i++) {
            long seed = seeds.nextLong();
            int index = i;
            tasks.add(() -> runSupport(task, net, c, List.of(Arm.CROSS, Arm.NON_UNITARY), index, seed, eq, aug, counter));
            tasks.add(() -> runSupport(task, net, c, List.of(Arm.SKEW), index, seed, eq, aug, counter));
        }
        List<Run> runs = new ArrayList<>();
        for (List<Run> r : new ParallelFits(workers).run(tasks)) runs.addAll(r);
        runs.sort(java.util.Comparator.comparing(Run::arm).thenComparingInt(Run::index));
        p.finish();
        return new Result(task.name(), c, runs, workers, (System.nanoTime() - t0) / 1e9);
    }

    @FunctionalInterface
    private interface StepCounter {
        void step();
    }

    /** The equivariant phase on the support of {@code arms}, then the augmented phase of each arm from that point. */
    private static List<Run> runSupport(Task task, PoolingConvNet arch, Config c, List<Arm> arms, int index, long seed, Data eq, Data aug,
                                        StepCounter counter) {
        long t0 = System.nanoTime();
        PoolingConvNet.Spaces spaces = arch.spaces(arms.get(0).support());
        MultiLayerNetwork net = arch.build(seed, c.equivariantRate(), c.dataType());
        // the equivariant start: the seed's draw projected onto E, each array's norm kept
        for (ParamProjection pe : spaces.equivariant()) {
            INDArray w = pe.view(net);
            double before = w.norm2Number().doubleValue();
            pe.applyInPlace(w);
            double after = w.norm2Number().doubleValue();
            if (after > 0) w.muli(before / after);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x9E3779B97F4A7C15L);
        double[] eqLoss = new double[c.equivariantEpochs()];
        for (int e = 0; e < c.equivariantEpochs(); e++) {
            eqLoss[e] = mean(sgdEpoch(net, spaces.equivariant(), eq, 1, c.batchSize(), rng, null, counter));
        }
        double[] eqTest = evaluate(net, task);
        INDArray trained = net.params().dup();
        double norm = trained.norm2Number().doubleValue();
        double eqSeconds = (System.nanoTime() - t0) / 1e9;
        List<Run> out = new ArrayList<>();
        for (Arm arm : arms) {
            long t1 = System.nanoTime();
            MultiLayerNetwork a = arch.build(seed, c.augmentedRate(), c.dataType());
            a.setParams(trained.dup());
            List<ParamProjection> maps = new ArrayList<>();
            for (int i = 0; i < arch.channels().size(); i++) {
                ParamProjection pl = spaces.admissible().get(i);
                maps.add(arm == Arm.NON_UNITARY
                        ? ParamProjection.kernel(pl.layer(), PositionBasis.normalizedGaussian(pl.projection().shape(), arm.support(), seed + 7919L * (i + 1)))
                        : pl);
            }
            double start = distance(a, spaces.equivariant());
            UniformRandomProvider shuffle = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0xA0761D6478BD642FL);
            int batches = (aug.n + c.batchSize() - 1) / c.batchSize();
            double[][] layerDist = new double[spaces.equivariant().size()][c.augmentedEpochs() * batches];
            double[] augLoss = new double[c.augmentedEpochs() * batches];
            int[] step = {0};
            for (int e = 0; e < c.augmentedEpochs(); e++) {
                double[] losses = sgdEpoch(a, maps, aug, c.orbitBatches() ? ORDER : 1, c.batchSize(), shuffle, m -> {
                    for (int l = 0; l < layerDist.length; l++) layerDist[l][step[0]] = spaces.equivariant().get(l).distance(m);
                    step[0]++;
                }, counter);
                System.arraycopy(losses, 0, augLoss, e * batches, batches);
            }
            double[] augTest = evaluate(a, task);
            double secs = eqSeconds + (System.nanoTime() - t1) / 1e9;
            out.add(new Run(arm, index, seed, eqLoss, augLoss, layerDist, start, batches, norm, eqTest, augTest, secs));
        }
        return out;
    }

    /** ||A - Pi_E A|| over all arrays. */
    static double distance(MultiLayerNetwork net, List<ParamProjection> e) {
        double s = 0;
        for (ParamProjection p : e) {
            double d = p.distance(net);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Training inputs and targets on the heap, in the training precision, gathered into minibatches. */
    private record Data(int n, int rowX, int rowY, long[] shapeX, double[] x, double[] y) {
        static Data of(INDArray x, INDArray y, DataType t) {
            int n = (int) x.size(0);
            return new Data(n, (int) (x.length() / n), (int) (y.length() / n), x.shape(), x.castTo(DataType.DOUBLE).dup('c').data().asDouble(),
                    y.castTo(DataType.DOUBLE).dup('c').data().asDouble());
        }

        DataSet gather(int[] idx, int from, int to, DataType t) {
            int m = to - from;
            double[] bx = new double[m * rowX], by = new double[m * rowY];
            for (int i = 0; i < m; i++) {
                System.arraycopy(x, idx[from + i] * rowX, bx, i * rowX, rowX);
                System.arraycopy(y, idx[from + i] * rowY, by, i * rowY, rowY);
            }
            long[] sx = shapeX.clone();
            sx[0] = m;
            return new DataSet(Nd4j.create(bx, sx, DataType.DOUBLE).castTo(t), Nd4j.create(by, new long[] {m, rowY}, DataType.DOUBLE).castTo(t));
        }
    }

    /**
     * One shuffled pass of plain SGD; every gradient goes through {@code maps} (projections or a
     * parametrization's metric) before the step. Returns the loss of every minibatch.
     */
    private static double[] sgdEpoch(MultiLayerNetwork net, List<ParamProjection> maps, Data d, int block, int batch, UniformRandomProvider rng,
                                     java.util.function.Consumer<MultiLayerNetwork> afterStep, StepCounter counter) {
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void onGradientCalculation(Model model) {
                ParamProjection.applyToGradients(net, maps);
            }
        });
        // shuffled in blocks of consecutive rows: single rows, or the |G| images of one sample (orbit rows are sample-major)
        int units = d.n / block;
        int[] unit = new int[units];
        for (int i = 0; i < units; i++) unit[i] = i;
        PermutationSampler.shuffle(rng, unit);
        int[] order = new int[d.n];
        for (int u = 0; u < units; u++) for (int j = 0; j < block; j++) order[u * block + j] = unit[u] * block + j;
        DataType t = net.getLayerWiseConfigurations().getDataType();
        double[] losses = new double[(d.n + batch - 1) / batch];
        for (int s = 0, b = 0; s < d.n; s += batch, b++) {
            net.fit(d.gather(order, s, Math.min(d.n, s + batch), t));
            losses[b] = net.score();
            if (afterStep != null) afterStep.accept(net);
            counter.step();
        }
        net.setListeners(new ArrayList<>());
        return losses;
    }

    /** Test loss (mean squared error over all outputs, as the training loss) and accuracy (NaN for regression). */
    static double[] evaluate(MultiLayerNetwork net, Task task) {
        INDArray x = task.testX(), y = task.testY();
        int n = (int) x.size(0), k = (int) y.size(1);
        DataType t = net.getLayerWiseConfigurations().getDataType();
        double se = 0;
        long ok = 0;
        for (int s = 0; s < n; s += 500) {
            int e = Math.min(n, s + 500);
            double[] out = net.output(x.get(NDArrayIndex.interval(s, e)).castTo(t), false).castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double[] lab = y.get(NDArrayIndex.interval(s, e)).castTo(DataType.DOUBLE).dup('c').data().asDouble();
            for (int i = 0; i < e - s; i++) {
                int arg = 0, la = 0;
                for (int j = 0; j < k; j++) {
                    double dlt = out[i * k + j] - lab[i * k + j];
                    se += dlt * dlt;
                    if (out[i * k + j] > out[i * k + arg]) arg = j;
                    if (lab[i * k + j] > lab[i * k + la]) la = j;
                }
                if (arg == la) ok++;
            }
        }
        return new double[] {se / ((double) n * k), task.classification() ? (double) ok / n : Double.NaN};
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
