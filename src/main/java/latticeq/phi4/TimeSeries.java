package latticeq.phi4;

/**
 * Error analysis of an autocorrelated Monte Carlo series: the Gamma method with automatic
 * windowing (U. Wolff, Comput. Phys. Commun. 156 (2004) 143, S = 1.5, with the bias correction of
 * the autocorrelation function) and plain binning as a cross-check.
 */
public final class TimeSeries {
    private TimeSeries() {}

    /** Wolff's default factor relating the window to the autocorrelation time. */
    public static final double S = 1.5;

    /** Gamma-method estimate of the mean of {@code a} (at least 2 values). */
    public static Estimate gamma(double[] a) {
        int n = a.length;
        if (n < 2) {
            throw new IllegalArgumentException("series length = " + n + " is too short: need >= 2 measurements");
        }
        double mean = 0;
        for (double v : a) {
            mean += v;
        }
        mean /= n;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - mean;
        }
        double g0 = autocovariance(d, 0);
        if (g0 <= 0) {
            return new Estimate(mean, 0, 0.5, 0, 0, n);
        }
        int maxWindow = n / 2;
        double[] gamma = new double[maxWindow + 1];
        gamma[0] = g0;
        double sum = g0;
        int window = maxWindow;
        for (int w = 1; w <= maxWindow; w++) {
            gamma[w] = autocovariance(d, w);
            sum += 2 * gamma[w];
            double tauInt = sum / (2 * g0);
            double tau = tauInt <= 0.5 ? 1e-6 : S / Math.log((2 * tauInt + 1) / (2 * tauInt - 1));
            double g = Math.exp(-w / tau) - tau / Math.sqrt((double) w * n);
            if (g < 0) {
                window = w;
                break;
            }
        }
        // bias correction of Gamma(t) from the estimated mean
        double cw = g0;
        for (int t = 1; t <= window; t++) {
            cw += 2 * gamma[t];
        }
        double shift = cw / n;
        double g0c = g0 + shift;
        double cf = g0c;
        for (int t = 1; t <= window; t++) {
            cf += 2 * (gamma[t] + shift);
        }
        double tauInt = Math.max(cf / (2 * g0c), 0.5);
        double variance = 2 * tauInt * g0c / n;
        double tauError = tauInt * Math.sqrt((4.0 * window + 2) / n);
        return new Estimate(mean, Math.sqrt(variance), tauInt, tauError, window, n);
    }

    /** Mean with the naive error of the means of consecutive bins of {@code binSize} values (a partial last bin is dropped). */
    public static Estimate binned(double[] a, int binSize) {
        if (binSize < 1) {
            throw new IllegalArgumentException("binSize = " + binSize + " is not allowed: need >= 1");
        }
        int bins = a.length / binSize;
        if (bins < 2) {
            throw new IllegalArgumentException("binSize = " + binSize + " is too large for " + a.length + " values: need at least 2 bins");
        }
        double[] means = new double[bins];
        double mean = 0;
        for (int b = 0; b < bins; b++) {
            double s = 0;
            for (int i = 0; i < binSize; i++) {
                s += a[b * binSize + i];
            }
            means[b] = s / binSize;
            mean += means[b];
        }
        mean /= bins;
        double var = 0;
        double var1 = 0;
        for (int b = 0; b < bins; b++) {
            var += (means[b] - mean) * (means[b] - mean);
        }
        var /= (bins - 1);
        for (int i = 0; i < bins * binSize; i++) {
            var1 += (a[i] - mean) * (a[i] - mean);
        }
        var1 /= (bins * binSize - 1);
        double err = Math.sqrt(var / bins);
        // tau_int from the ratio of binned to naive variance: var_bin / var_1 = 2 tau / B
        double tau = var1 == 0 ? 0.5 : 0.5 * binSize * var / var1;
        return new Estimate(mean, err, tau, Double.NaN, binSize, bins * binSize);
    }

    private static double autocovariance(double[] d, int t) {
        double s = 0;
        int m = d.length - t;
        for (int i = 0; i < m; i++) {
            s += d[i] * d[i + t];
        }
        return s / m;
    }
}
