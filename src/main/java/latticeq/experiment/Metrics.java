package latticeq.experiment;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Errors of predictions (computed in double on the host), and summaries over runs. */
public final class Metrics {
    private Metrics() {}

    /** Mean squared error of each output column: [d] for predictions and targets [N, d]. */
    public static double[] msePerTarget(INDArray predictions, INDArray targets) {
        checkSameShape(predictions, targets);
        double[][] p = predictions.toDoubleMatrix();
        double[][] y = targets.toDoubleMatrix();
        int d = p[0].length;
        double[] out = new double[d];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < d; j++) {
                double e = p[i][j] - y[i][j];
                out[j] += e * e;
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] /= p.length;
        }
        return out;
    }

    /** MSE averaged over samples and outputs (the training loss). */
    public static double mse(INDArray predictions, INDArray targets) {
        return Arrays.stream(msePerTarget(predictions, targets)).average().orElseThrow();
    }

    /** Fraction of rows whose arg-max matches the arg-max of the one-hot labels. */
    public static double accuracy(INDArray probabilities, INDArray oneHot) {
        checkSameShape(probabilities, oneHot);
        long n = probabilities.rows();
        INDArray predicted = probabilities.argMax(1);
        INDArray truth = oneHot.argMax(1);
        long right = 0;
        for (long i = 0; i < n; i++) {
            if (predicted.getLong(i) == truth.getLong(i)) right++;
        }
        return (double) right / n;
    }

    /** The q-quantile (0..1) of values by linear interpolation between order statistics. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) throw new IllegalArgumentException("values is empty: need at least one value");
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("q = " + q + " is not allowed: need 0 <= q <= 1");
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static void checkSameShape(INDArray a, INDArray b) {
        if (a.rank() != 2 || !Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("predictions shape " + Arrays.toString(a.shape()) + " and targets shape "
                    + Arrays.toString(b.shape()) + ": need equal [N, d] shapes");
        }
        if (a.rows() == 0) throw new IllegalArgumentException("predictions have 0 rows: need N >= 1");
    }
}
