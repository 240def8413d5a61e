package latticeq.experiment;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import latticeq.nn.LatticeModel;

/**
 * A trained network as it travels from an executor to the driver: the model file's bytes
 * ({@link LatticeModel#save}: network, spec, provenance), the loss history, the best epoch, the
 * training's wall time and the host it trained on.
 *
 * @param model          bytes of the model file
 * @param trainLoss      mean minibatch training loss per epoch (bit-exact: Double.equals)
 * @param validationLoss validation loss per epoch
 * @param bestEpoch      number of the best validation epoch, counted from 1 (its parameters are the model's)
 * @param seconds        wall time of the training
 * @param host           host name of the JVM that trained it
 */
public record TrainedModel(byte[] model, List<Double> trainLoss, List<Double> validationLoss, int bestEpoch, double seconds, String host)
        implements Serializable {

    public TrainedModel {
        if (model == null || model.length == 0) throw new IllegalArgumentException("model is empty: need the model file's bytes");
        model = model.clone();
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
    }

    /** The bytes of a fit's model and its history. */
    public static TrainedModel of(FitResult fit) {
        try {
            Path tmp = Files.createTempFile("latticeq-model-", ".zip");
            try {
                fit.model().save(tmp);
                return new TrainedModel(Files.readAllBytes(tmp), boxed(fit.trainLoss()), boxed(fit.validationLoss()), fit.bestEpoch(), fit.seconds(),
                        hostName());
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
            return new FitResult(LatticeModel.load(tmp), unboxed(trainLoss), unboxed(validationLoss), bestEpoch, seconds, false);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public byte[] model() {
        return model.clone();
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    private static double[] unboxed(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
