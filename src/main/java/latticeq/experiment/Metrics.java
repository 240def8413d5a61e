package latticeq.experiment;

import java.util.Arrays;

/** Summaries of a result over runs (median, quantiles); the errors of predictions are {@link latticeq.train.Scores}. */
public final class Metrics {
    private Metrics() {}

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
}
