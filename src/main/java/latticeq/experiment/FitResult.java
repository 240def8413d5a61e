package latticeq.experiment;

import latticeq.nn.LatticeModel;
import latticeq.train.TrainingResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained model (the parameters of its best validation epoch) with the loss history the
 * study plots, as trained by {@link latticeq.train.Trainer} or loaded from a {@link ModelStore}.
 *
 * @param model          the model, best epoch's parameters restored
 * @param trainLoss      mean minibatch training loss per epoch
 * @param validationLoss validation loss per epoch
 * @param bestEpoch      number of the epoch with the lowest validation loss, counted from 1 as everywhere (PaperProtocol)
 * @param seconds        wall time of training (also when loaded from a {@link ModelStore}: the time it took then)
 * @param cached         whether it was loaded from disk instead of trained
 */
public record FitResult(LatticeModel model, double[] trainLoss, double[] validationLoss, int bestEpoch,
                        double seconds, boolean cached) {

    public FitResult {
        trainLoss = trainLoss.clone();
        validationLoss = validationLoss.clone();
        if (trainLoss.length != validationLoss.length || trainLoss.length == 0) {
            throw new IllegalArgumentException("trainLoss has " + trainLoss.length + " epochs, validationLoss "
                    + validationLoss.length + ": need the same number >= 1");
        }
        if (bestEpoch < 1 || bestEpoch > trainLoss.length) {
            throw new IllegalArgumentException("bestEpoch = " + bestEpoch + " is not allowed: need 1.." + trainLoss.length + " (epochs count from 1)");
        }
    }

    /** From a trainer's result. */
    public static FitResult of(TrainingResult result, double seconds) {
        return new FitResult(result.model(), result.history().trainLoss(), result.history().validationLoss(),
                result.history().bestEpoch(), seconds, false);
    }

    public MultiLayerNetwork network() {
        return model.network();
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
        return validationLoss[bestEpoch - 1];
    }
}
