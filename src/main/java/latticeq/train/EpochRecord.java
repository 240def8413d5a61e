package latticeq.train;

import java.util.Map;

/**
 * One epoch of training.
 *
 * @param epoch          1-based epoch number
 * @param trainLoss      mean training loss over the epoch's batches (as seen by the optimizer, i.e. after augmentation)
 * @param validationLoss loss on the validation set after the epoch
 * @param wallSeconds    wall time of the epoch (training and evaluation)
 * @param distances      ||A - Pi_G A||_F per projected parameter ("layer_param"), empty without constraints
 * @param targetMse      validation MSE per output (regression), empty for classification
 * @param accuracy       validation accuracy (classification), NaN for regression
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double wallSeconds,
        Map<String, Double> distances, double[] targetMse, double accuracy) {
    public EpochRecord {
        distances = Map.copyOf(distances);
        targetMse = targetMse.clone();
    }

    /** Distance of all projected parameters together (root of the sum of squares). */
    public double totalDistance() {
        return Constraints.total(distances);
    }
}
