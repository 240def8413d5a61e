package latticeq.experiment;

import java.util.Objects;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.NetworkBuilder;
import latticeq.progress.ProgressListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Trains one network of an {@link ArchitectureSpec} with {@link FitConfig}: seeded weight
 * initialisation, a seeded reshuffle of the training set every epoch, the validation loss after
 * every epoch, early stopping, and the best epoch's parameters restored at the end.
 *
 * <p>Minimal on purpose (the study's notebooks need only this); {@code latticeq.train} is the
 * general trainer (modes, augmentation, subspace distances).
 */
public final class EarlyStoppingFit {
    private EarlyStoppingFit() {}

    /**
     * @param spec       architecture (regression: targets [N, outputs]; classification: one-hot labels)
     * @param seed       seed of the initial weights and of the shuffling
     * @param x          training features [N, C, N_t, N_x]
     * @param y          training targets or one-hot labels [N, outputs]
     * @param xVal       validation features
     * @param yVal       validation targets
     * @param config     epochs, patience, batch size, optimizer settings
     * @param progress   told after every epoch
     */
    public static FitResult fit(ArchitectureSpec spec, long seed, INDArray x, INDArray y, INDArray xVal, INDArray yVal,
                                FitConfig config, ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        long n = x.size(0);
        if (n < 1 || y.size(0) != n) {
            throw new IllegalArgumentException("x has " + n + " samples, y " + y.size(0) + ": need the same number >= 1");
        }
        if (xVal.size(0) < 1 || yVal.size(0) != xVal.size(0)) {
            throw new IllegalArgumentException("xVal has " + xVal.size(0) + " samples, yVal " + yVal.size(0)
                    + ": need the same number >= 1");
        }
        if (y.size(1) != spec.outputs() || yVal.size(1) != spec.outputs()) {
            throw new IllegalArgumentException("targets have " + y.size(1) + " columns: need spec.outputs() = " + spec.outputs());
        }
        long t0 = System.nanoTime();
        MultiLayerNetwork net = NetworkBuilder.build(spec, seed, new AMSGrad(config.learningRate()),
                config.weightDecay(), DataType.FLOAT);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x5eedf17L);
        int batch = config.batchFor((int) n);
        int epochsMax = config.maxEpochs();
        double[] trainLoss = new double[epochsMax];
        double[] valLoss = new double[epochsMax];
        DataSet validation = new DataSet(xVal, yVal);
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = net.params().dup();
        int epochs = 0;
        for (int epoch = 0; epoch < epochsMax; epoch++) {
            int[] perm = new PermutationSampler(rng, (int) n, (int) n).sample();
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += batch) {
                int to = (int) Math.min(n, from + batch);
                INDArray idx = Nd4j.createFromArray(java.util.Arrays.copyOfRange(perm, from, to));
                DataSet ds = new DataSet(gather(x, idx), gather(y, idx));
                net.fit(ds);
                sum += net.score();
                batches++;
            }
            trainLoss[epoch] = sum / batches;
            valLoss[epoch] = net.score(validation);
            epochs = epoch + 1;
            if (valLoss[epoch] < best) {
                best = valLoss[epoch];
                bestEpoch = epoch;
                bestParams = net.params().dup();
            }
            progress.update(epochs, epochsMax, String.format(java.util.Locale.ROOT,
                    "epoch %d loss %.3g val %.3g (best %.3g @%d)", epochs, trainLoss[epoch], valLoss[epoch], best, bestEpoch + 1));
            if (epoch - bestEpoch >= config.patience()) {
                break;
            }
        }
        net.setParams(bestParams);
        progress.update(epochsMax, epochsMax, "stopped after " + epochs + " epochs, best " + (bestEpoch + 1));
        progress.finish();
        return new FitResult(net, java.util.Arrays.copyOf(trainLoss, epochs), java.util.Arrays.copyOf(valLoss, epochs),
                bestEpoch, (System.nanoTime() - t0) * 1e-9, false);
    }

    /** Rows {@code idx} of a tensor along its first axis. */
    static INDArray gather(INDArray a, INDArray idx) {
        return Nd4j.pullRows(a.reshape(a.size(0), a.length() / a.size(0)), 1, idx.toIntVector())
                .reshape(withFirst(a.shape(), idx.length()));
    }

    private static long[] withFirst(long[] shape, long first) {
        long[] s = shape.clone();
        s[0] = first;
        return s;
    }
}
