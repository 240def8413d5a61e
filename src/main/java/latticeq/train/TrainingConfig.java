package latticeq.train;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Immutable training configuration.
 *
 * @param optimizer    ADAMW_AMSGRAD or SGD
 * @param learningRate > 0
 * @param batchSize    >= 1
 * @param weightDecay  decoupled weight decay, >= 0 (0 in the paper's follow-up code)
 * @param maxEpochs    >= 1
 * @param patience     early stopping: stop after this many epochs without a better validation loss (>= 1)
 * @param seed         seed of weight initialisation, shuffling and augmentation
 * @param dataType     FLOAT (fast) or DOUBLE (for theory checks at rounding level)
 */
public record TrainingConfig(Optimizer optimizer, double learningRate, int batchSize, double weightDecay,
        int maxEpochs, int patience, long seed, DataType dataType) {

    public TrainingConfig {
        if (optimizer == null) throw new IllegalArgumentException("optimizer = null: need ADAMW_AMSGRAD or SGD");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + ": need a finite value > 0");
        }
        if (batchSize < 1) throw new IllegalArgumentException("batchSize = " + batchSize + ": need >= 1");
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay = " + weightDecay + ": need a finite value >= 0");
        }
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs = " + maxEpochs + ": need >= 1");
        if (patience < 1) throw new IllegalArgumentException("patience = " + patience + ": need >= 1");
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType = " + dataType + ": need FLOAT or DOUBLE");
        }
    }

    /** The follow-up code's protocol: AdamW (amsgrad) lr 1e-2, weight decay 0, patience 25; batch 50 below 500 samples else 100. */
    public static TrainingConfig paper(int trainingSamples, int maxEpochs, long seed) {
        return new TrainingConfig(Optimizer.ADAMW_AMSGRAD, 1e-2, trainingSamples < 500 ? 50 : 100, 0.0, maxEpochs, 25,
                seed, DataType.FLOAT);
    }

    public TrainingConfig withOptimizer(Optimizer o, double lr) {
        return new TrainingConfig(o, lr, batchSize, weightDecay, maxEpochs, patience, seed, dataType);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(optimizer, learningRate, b, weightDecay, maxEpochs, patience, seed, dataType);
    }

    public TrainingConfig withEpochs(int epochs, int patience) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, epochs, patience, seed, dataType);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, maxEpochs, patience, s, dataType);
    }

    public TrainingConfig withDataType(DataType t) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, maxEpochs, patience, seed, t);
    }

    public TrainingConfig withWeightDecay(double wd) {
        return new TrainingConfig(optimizer, learningRate, batchSize, wd, maxEpochs, patience, seed, dataType);
    }
}
