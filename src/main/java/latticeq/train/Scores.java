package latticeq.train;

import java.util.Arrays;
import latticeq.nn.Head;
import latticeq.nn.LatticeModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How well a model's predictions fit labels; the library's one metrics implementation (training's
 * validation, the study's evaluations and the dynamics experiments all use it), computed in double
 * on the host.
 *
 * @param loss      the loss of the model's head: MSE averaged over samples and outputs (regression)
 *                  or the mean cross-entropy of the predicted probabilities (classification)
 * @param targetMse MSE of each output column (regression; empty for classification)
 * @param accuracy  fraction of rows whose arg-max matches the one-hot label's (classification; NaN for regression)
 */
public record Scores(double loss, double[] targetMse, double accuracy) {

    public Scores {
        targetMse = targetMse.clone();
    }

    @Override
    public double[] targetMse() {
        return targetMse.clone();
    }

    /** The scores of the model's predictions for {@code features} (through {@link LatticeModel#predict}, which checks them). */
    public static Scores of(LatticeModel model, INDArray features, INDArray labels) {
        return of(model.spec().head(), model.predict(features), labels);
    }

    /** The scores of predictions [N, d] for labels [N, d] under a head's loss. */
    public static Scores of(Head head, INDArray predictions, INDArray labels) {
        checkSameShape(predictions, labels);
        double[] p = hostDoubles(predictions), y = hostDoubles(labels);
        int n = (int) predictions.size(0), k = (int) predictions.size(1);
        double[] se = new double[k];
        double ce = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            int arg = 0, lArg = 0;
            for (int j = 0; j < k; j++) {
                double o = p[i * k + j], l = y[i * k + j];
                se[j] += (o - l) * (o - l);
                if (l > 0) ce -= l * Math.log(Math.max(o, 1e-300));
                if (o > p[i * k + arg]) arg = j;
                if (l > y[i * k + lArg]) lArg = j;
            }
            if (arg == lArg) correct++;
        }
        if (head == Head.CLASSIFICATION) return new Scores(ce / n, new double[0], (double) correct / n);
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += se[j];
            se[j] /= n;
        }
        return new Scores(sum / ((double) n * k), se, Double.NaN);
    }

    private static double[] hostDoubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static void checkSameShape(INDArray predictions, INDArray labels) {
        if (predictions.rank() != 2 || !Arrays.equals(predictions.shape(), labels.shape())) {
            throw new IllegalArgumentException("predictions shape " + Arrays.toString(predictions.shape()) + " and labels shape "
                    + Arrays.toString(labels.shape()) + ": need equal [N, d] shapes");
        }
        if (predictions.size(0) == 0) throw new IllegalArgumentException("predictions have 0 rows: need N >= 1");
    }
}
