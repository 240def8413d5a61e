package latticeq.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained network (parameters of its best validation epoch) and its history.
 *
 * @param network        the network, best epoch's parameters restored
 * @param trainLoss      mean minibatch training loss per epoch
 * @param validationLoss validation loss per epoch
 * @param bestEpoch      index (0-based) of the epoch with the lowest validation loss
 * @param seconds        wall time of training (0 when loaded from a {@link ModelStore})
 * @param cached         whether it was loaded from disk instead of trained
 */
public record FitResult(MultiLayerNetwork network, double[] trainLoss, double[] validationLoss, int bestEpoch,
                        double seconds, boolean cached) {

    public FitResult {
        trainLoss = trainLoss.clone();
        validationLoss = validationLoss.clone();
        if (trainLoss.length != validationLoss.length) {
            throw new IllegalArgumentException("trainLoss has " + trainLoss.length + " epochs, validationLoss "
                    + validationLoss.length + ": need one value per epoch in each");
        }
        if (bestEpoch < 0 || bestEpoch >= Math.max(1, trainLoss.length)) {
            throw new IllegalArgumentException("bestEpoch = " + bestEpoch + " is not allowed: need 0 <= bestEpoch < " + trainLoss.length);
        }
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    public int epochs() {
        return trainLoss.length;
    }

    public double bestValidationLoss() {
        return validationLoss[bestEpoch];
    }
}
