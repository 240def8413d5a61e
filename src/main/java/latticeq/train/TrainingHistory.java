package latticeq.train;

import java.util.List;

/**
 * Per-epoch record of a training run and the epoch whose parameters were kept (best validation loss).
 */
public record TrainingHistory(List<EpochRecord> epochs, int bestEpoch, boolean stoppedEarly) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    public EpochRecord best() {
        return epochs.get(bestEpoch - 1);
    }

    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }

    public double[] trainLoss() {
        return epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray();
    }

    public double[] validationLoss() {
        return epochs.stream().mapToDouble(EpochRecord::validationLoss).toArray();
    }
}
