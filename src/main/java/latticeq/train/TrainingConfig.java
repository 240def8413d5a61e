package latticeq.train;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Immutable training configuration.
 *
 * @param optimizer    ADAMW_AMSGRAD or SGD
 * @param learningRate > 0
 * @param batchSize    >= 1
 * @param weightDecay  decoupled weight decay, >= 0 (0 in the paper's protocol: latticeq.experiment.PaperProtocol)
 * @param maxEpochs    >= 1
 * @param patience     early stopping: stop after this many epochs without a better validation loss (>= 1)
 * @param seed         seed of weight initialisation, shuffling and augmentation
 * @param dataType     FLOAT (fast) or DOUBLE (for theory checks at rounding level)
 * @param minEpochs    early stopping never stops before this many epochs (1..maxEpochs; the paper's
 *                     protocol, latticeq.experiment.PaperProtocol, trains at least 100)
 */
public record TrainingConfig(Optimizer optimizer, double learningRate, int batchSize, double weightDecay,
        int maxEpochs, int patience, long seed, DataType dataType, int minEpochs) implements java.io.Serializable {

    /** A configuration whose early stopping may end the run after any epoch (minEpochs = 1). */
    public TrainingConfig(Optimizer optimizer, double learningRate, int batchSize, double weightDecay,
            int maxEpochs, int patience, long seed, DataType dataType) {
        this(optimizer, learningRate, batchSize, weightDecay, maxEpochs, patience, seed, dataType, 1);
    }

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
        if (minEpochs < 1 || minEpochs > maxEpochs) {
            throw new IllegalArgumentException("minEpochs = " + minEpochs + ": need 1.." + maxEpochs + " (maxEpochs)");
        }
    }

    public TrainingConfig withOptimizer(Optimizer o, double lr) {
        return new TrainingConfig(o, lr, batchSize, weightDecay, maxEpochs, patience, seed, dataType, minEpochs);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(optimizer, learningRate, b, weightDecay, maxEpochs, patience, seed, dataType, minEpochs);
    }

    /** New epoch bound and patience; minEpochs is kept, lowered to the new bound if above it. */
    public TrainingConfig withEpochs(int epochs, int patience) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, epochs, patience, seed, dataType,
                Math.max(1, Math.min(minEpochs, epochs)));
    }

    /** Early stopping may end the run only after {@code min} epochs. */
    public TrainingConfig withMinEpochs(int min) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, maxEpochs, patience, seed, dataType, min);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, maxEpochs, patience, s, dataType, minEpochs);
    }

    public TrainingConfig withDataType(DataType t) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, maxEpochs, patience, seed, t, minEpochs);
    }

    public TrainingConfig withWeightDecay(double wd) {
        return new TrainingConfig(optimizer, learningRate, batchSize, wd, maxEpochs, patience, seed, dataType, minEpochs);
    }
}
