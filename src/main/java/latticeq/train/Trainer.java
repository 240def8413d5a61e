package latticeq.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import latticeq.Version;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Head;
import latticeq.nn.LatticeModel;
import latticeq.nn.NetworkBuilder;
import latticeq.progress.ProgressListener;
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
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Trains a network of an {@link ArchitectureSpec} with a {@link TrainingConfig} in one
 * {@link TrainingMode}: seeded shuffling, early stopping on validation loss with the best
 * parameters restored, per-epoch {@link TrainingHistory}, optional per-step hook.
 *
 * <pre>
 *   TrainingResult r = new Trainer(spec, PaperProtocol.PAPER.config(2000, 1))   // latticeq.experiment.PaperProtocol
 *       .mode(TrainingMode.AUGMENTED).augmentation(BatchAugmentation.random(augmenter))
 *       .constraints(Constraints.of(projections)).progress(listener)
 *       .fit(trainSet, validationSet);
 * </pre>
 * Features are [N, channels, Nt, Nx]; labels [N, outputs] (regression) or one-hot [N, classes].
 */
public final class Trainer {
    private final ArchitectureSpec spec;
    private final TrainingConfig config;
    private TrainingMode mode = TrainingMode.NOMINAL;
    private Constraints constraints = Constraints.none();
    private BatchAugmentation augmentation;
    private boolean restrictToAdmissible;
    private List<ParamProjection> gradientMetric = List.of();
    private ProgressListener progress = ProgressListener.none();
    private StepListener stepListener;
    private INDArray initialParameters;

    public Trainer(ArchitectureSpec spec, TrainingConfig config) {
        if (spec == null) throw new IllegalArgumentException("spec = null: need an ArchitectureSpec");
        if (config == null) throw new IllegalArgumentException("config = null: need a TrainingConfig");
        this.spec = spec;
        this.config = config;
    }

    public Trainer mode(TrainingMode m) { this.mode = m; return this; }
    public Trainer constraints(Constraints c) { this.constraints = c; return this; }
    public Trainer augmentation(BatchAugmentation a) { this.augmentation = a; return this; }
    /** NOMINAL / AUGMENTED: project initial parameters and every gradient with Pi_E (constraints().admissible()). */
    public Trainer restrictToAdmissible(boolean r) { this.restrictToAdmissible = r; return this; }
    /**
     * Linear maps applied to the gradients after the mode's projections: a parametrization of the
     * layers through a basis B (training theta with A = B theta moves A by B B^T times the gradient;
     * an orthonormal basis of E gives Pi_E again). Exact for SGD; Adam then works in A's coordinates.
     */
    public Trainer gradientMetric(List<ParamProjection> metric) {
        this.gradientMetric = metric == null ? List.of() : List.copyOf(metric);
        return this;
    }
    public Trainer progress(ProgressListener p) { this.progress = p == null ? ProgressListener.none() : p; return this; }
    public Trainer onStep(StepListener s) { this.stepListener = s; return this; }
    /** Start from these parameters (a flat vector as from {@code network.params()}) instead of the seeded initialisation. */
    public Trainer initialParameters(INDArray p) { this.initialParameters = p; return this; }

    /** The network the run starts from: seeded initialisation (or the given parameters), projected as the mode requires. */
    public MultiLayerNetwork initialNetwork() {
        IUpdater updater = config.optimizer() == Optimizer.SGD ? new Sgd(config.learningRate()) : new AMSGrad(config.learningRate());
        MultiLayerNetwork net = NetworkBuilder.build(spec, config.seed(), updater, config.weightDecay(), config.dataType());
        if (initialParameters != null) {
            if (initialParameters.length() != net.numParams()) {
                throw new IllegalArgumentException("initialParameters length = " + initialParameters.length()
                        + ": the network has exactly " + net.numParams() + " parameters");
            }
            net.setParams(initialParameters.castTo(config.dataType()).reshape(1, net.numParams()));
        }
        for (ParamProjection p : active()) p.applyInPlace(p.view(net));
        return net;
    }

    private List<ParamProjection> active() {
        if (mode == TrainingMode.EQUIVARIANT) return constraints.equivariant();
        return restrictToAdmissible ? constraints.admissible() : List.of();
    }

    public TrainingResult fit(DataSet train, DataSet validation) {
        if (mode == null) throw new IllegalArgumentException("mode = null: need NOMINAL, AUGMENTED or EQUIVARIANT");
        if (mode == TrainingMode.AUGMENTED && augmentation == null) {
            throw new IllegalArgumentException("augmentation = null: the AUGMENTED mode needs a BatchAugmentation");
        }
        if (mode == TrainingMode.EQUIVARIANT && constraints.equivariant().isEmpty()) {
            throw new IllegalArgumentException("constraints.equivariant is empty: the EQUIVARIANT mode needs projections");
        }
        if (restrictToAdmissible && constraints.admissible().isEmpty()) {
            throw new IllegalArgumentException("constraints.admissible is empty: restrictToAdmissible needs Pi_E projections");
        }
        checkData("train", train);
        checkData("validation", validation);
        MultiLayerNetwork net = initialNetwork();
        List<ParamProjection> active = active();
        boolean reproject = config.optimizer() != Optimizer.SGD && !active.isEmpty();
        long[] step = {0};
        int[] epochNow = {0};
        // the mode's projections first, then the parametrization's metric, on every gradient
        List<ParamProjection> gradientMaps = new ArrayList<>(active);
        gradientMaps.addAll(gradientMetric);
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void onGradientCalculation(Model model) {
                ParamProjection.applyToGradients(net, gradientMaps);
            }

            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                if (reproject) for (ParamProjection p : active) p.applyInPlace(p.view(net));
                step[0]++;
                if (stepListener != null) stepListener.onStep(step[0], epochNow[0], net, net.score());
            }
        });

        DataType dt = config.dataType();
        INDArray xAll = train.getFeatures().castTo(dt).dup('c');
        INDArray yAll = train.getLabels().castTo(dt).dup('c');
        int n = (int) xAll.size(0);
        HostRows xHost = HostRows.of(xAll), yHost = HostRows.of(yAll);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(config.seed() ^ 0x5DEECE66DL);
        int[] order = new int[n];
        List<EpochRecord> epochs = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = net.params().dup();
        boolean stopped = false;
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            epochNow[0] = epoch;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) order[i] = i;
            PermutationSampler.shuffle(rng, order);
            double lossSum = 0;
            long seen = 0;
            for (int start = 0; start < n; start += config.batchSize()) {
                int len = Math.min(config.batchSize(), n - start);
                int[] idx = java.util.Arrays.copyOfRange(order, start, start + len);
                DataSet batch = new DataSet(xHost.gather(idx), yHost.gather(idx));
                if (mode == TrainingMode.AUGMENTED) batch = augmentation.apply(batch);
                net.fit(batch);
                lossSum += net.score() * batch.numExamples();
                seen += batch.numExamples();
            }
            Scores ev = evaluate(net, validation);
            Map<String, Double> dist = constraints.distances(net);
            double wall = (System.nanoTime() - t0) * 1e-9;
            epochs.add(new EpochRecord(epoch, lossSum / seen, ev.loss(), wall, dist, ev.targetMse(), ev.accuracy()));
            if (ev.loss() < bestLoss) {
                bestLoss = ev.loss();
                bestEpoch = epoch;
                bestParams = net.params().dup();
            }
            progress.update(epoch, config.maxEpochs(), String.format("epoch %d loss %.3e val %.3e", epoch, lossSum / seen, ev.loss()));
            if (epoch >= config.minEpochs() && epoch - bestEpoch >= config.patience()) {
                stopped = epoch < config.maxEpochs();
                break;
            }
        }
        if (bestEpoch == 0) bestEpoch = epochs.size(); // validation loss was NaN throughout: keep the last parameters
        else net.setParams(bestParams);
        net.setListeners(new ArrayList<>());
        progress.finish();
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("library", "latticeq " + Version.get());
        prov.put("seed", Long.toString(config.seed()));
        prov.put("config", config.toString());
        prov.put("mode", mode.name() + (restrictToAdmissible ? " restricted to E" : ""));
        prov.put("trainingSamples", Integer.toString(n));
        prov.put("bestEpoch", Integer.toString(bestEpoch));
        return new TrainingResult(new LatticeModel(spec, net, prov), new TrainingHistory(epochs, bestEpoch, stopped));
    }

    /**
     * A training array copied once to the Java heap in its own precision, from which minibatches are
     * gathered row by row: one native allocation per batch, no cast (float32 training used to gather
     * in float64 and cast, two allocations and a conversion per batch).
     */
    private record HostRows(long[] shape, DataType type, float[] floats, double[] doubles) {
        static HostRows of(INDArray a) {
            return a.dataType() == DataType.FLOAT ? new HostRows(a.shape(), DataType.FLOAT, a.data().asFloat(), null)
                    : new HostRows(a.shape(), DataType.DOUBLE, null, a.castTo(DataType.DOUBLE).data().asDouble());
        }

        INDArray gather(int[] idx) {
            long[] out = shape.clone();
            out[0] = idx.length;
            int per = (int) (Arrays.stream(shape).reduce(1, (p, q) -> p * q) / shape[0]);
            if (type == DataType.FLOAT) {
                float[] v = new float[idx.length * per];
                for (int i = 0; i < idx.length; i++) System.arraycopy(floats, idx[i] * per, v, i * per, per);
                return Nd4j.create(v, out, 'c');
            }
            double[] v = new double[idx.length * per];
            for (int i = 0; i < idx.length; i++) System.arraycopy(doubles, idx[i] * per, v, i * per, per);
            return Nd4j.create(v, out, 'c');
        }
    }

    private void checkData(String name, DataSet d) {
        if (d == null || d.getFeatures() == null || d.getLabels() == null) {
            throw new IllegalArgumentException(name + " = null: need a DataSet with features and labels");
        }
        if (d.numExamples() < 1) throw new IllegalArgumentException(name + " size = 0: need at least one sample");
        try {
            LatticeModel.checkInput(spec, d.getFeatures());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " set: " + e.getMessage(), e);
        }
        INDArray y = d.getLabels();
        if (y.rank() != 2 || y.size(1) != spec.outputs() || y.size(0) != d.getFeatures().size(0)) {
            throw new IllegalArgumentException(name + " labels shape = " + java.util.Arrays.toString(y.shape())
                    + ": need [" + d.getFeatures().size(0) + ", " + spec.outputs() + "]");
        }
    }

    private Scores evaluate(MultiLayerNetwork net, DataSet d) {
        return Scores.of(new LatticeModel(spec, net, Map.of()), d.getFeatures(), d.getLabels());
    }
}
