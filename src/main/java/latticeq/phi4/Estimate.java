package latticeq.phi4;

/**
 * A Monte Carlo mean with its statistical error and the integrated autocorrelation time of the
 * series it came from (in units of the spacing between measurements; 0.5 means uncorrelated).
 *
 * @param mean      sample mean
 * @param error     one-sigma error of the mean, autocorrelation included
 * @param tauInt    integrated autocorrelation time
 * @param tauError  error estimate of tauInt (Madras-Sokal)
 * @param window    summation window W used for tauInt
 * @param samples   number of measurements
 */
public record Estimate(double mean, double error, double tauInt, double tauError, int window, int samples) {

    /** |mean - other| in units of the combined error. */
    public double sigmaDistance(double other, double otherError) {
        double e = Math.sqrt(error * error + otherError * otherError);
        return e == 0 ? (mean == other ? 0 : Double.POSITIVE_INFINITY) : Math.abs(mean - other) / e;
    }

    @Override
    public String toString() {
        return String.format("%.6g +- %.2g (tau_int %.3g +- %.2g, W %d, N %d)", mean, error, tauInt, tauError, window, samples);
    }
}
