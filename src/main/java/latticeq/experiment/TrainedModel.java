package latticeq.experiment;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import latticeq.nn.LatticeModel;

/**
 * A trained network as it travels from an executor to the driver: the model file's bytes
 * ({@link LatticeModel#save}: network, spec, provenance), the loss history, the best epoch, the
 * training's wall time and the host it trained on.
 *
 * @param model          bytes of the model file
 * @param trainLoss      mean minibatch training loss per epoch
 * @param validationLoss validation loss per epoch
 * @param bestEpoch      0-based index of the best validation epoch (its parameters are the model's)
 * @param seconds        wall time of the training
 * @param host           host name of the JVM that trained it
 */
public record TrainedModel(byte[] model, double[] trainLoss, double[] validationLoss, int bestEpoch, double seconds, String host)
        implements Serializable {

    public TrainedModel {
        if (model == null || model.length == 0) throw new IllegalArgumentException("model is empty: need the model file's bytes");
        model = model.clone();
        trainLoss = trainLoss.clone();
        validationLoss = validationLoss.clone();
    }

    /** The bytes of a fit's model and its history. */
    public static TrainedModel of(FitResult fit) {
        try {
            Path tmp = Files.createTempFile("latticeq-model-", ".zip");
            try {
                fit.model().save(tmp);
                return new TrainedModel(Files.readAllBytes(tmp), fit.trainLoss(), fit.validationLoss(), fit.bestEpoch(), fit.seconds(), hostName());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the trained model", e);
        }
    }

    /** The network and its history as a {@link FitResult} (not cached: trained by this sweep). */
    public FitResult fit() throws IOException {
        Path tmp = Files.createTempFile("latticeq-model-", ".zip");
        try {
            Files.write(tmp, model);
            return new FitResult(LatticeModel.load(tmp), trainLoss, validationLoss, bestEpoch, seconds, false);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public byte[] model() {
        return model.clone();
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
