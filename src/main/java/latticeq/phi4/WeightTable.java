package latticeq.phi4;

import java.util.Arrays;

/**
 * The site weights W(f) = int_0^inf dr r^(f+1) exp(-eta r^2 - lambda r^4) of the dual
 * representation, kept as ln W(f) for f = 0, 1, 2, ... up to a bound that grows on demand.
 *
 * <p>For lambda = 0 the closed form W(f) = Gamma(f/2 + 1) / (2 eta^(f/2 + 1)) is used. For
 * lambda > 0 each entry is an independent quadrature (no recursion, so no error accumulates):
 * with s = r^2 = e^u the integral becomes
 * <pre>  W(f) = 1/2 int du exp( (f/2 + 1) u - eta e^u - lambda e^{2u} ),</pre>
 * a log-concave integrand that decays (at least) exponentially on both sides. The trapezoidal rule
 * on a uniform grid converges exponentially fast for such analytic, decaying integrands, so a
 * step of a tenth of the peak width gives close to double precision; the sum is done relative
 * to the peak value so nothing overflows for large f.
 *
 * <p>Thread-safe: growth is synchronized and publishes a new array.
 */
public final class WeightTable {

    private static final int INITIAL_CAPACITY = 64;
    /** ln of the integrand relative to its peak where the quadrature stops (e^-64 ~ 1e-28). */
    private static final double CUTOFF = 64.0;

    private final double eta;
    private final double lambda;
    private volatile double[] logW;

    public WeightTable(double eta, double lambda) {
        if (!Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta = " + eta + " is not allowed: need a finite value");
        }
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("lambda = " + lambda + " is not allowed: need a finite value >= 0");
        }
        if (lambda == 0 && !(eta > 0)) {
            throw new IllegalArgumentException("eta = " + eta + " is not allowed at lambda = 0: need eta > 0");
        }
        this.eta = eta;
        this.lambda = lambda;
        this.logW = compute(0, INITIAL_CAPACITY, new double[0]);
    }

    public static WeightTable of(Phi4Params p) {
        return new WeightTable(p.eta(), p.lambda());
    }

    public double eta() {
        return eta;
    }

    public double lambda() {
        return lambda;
    }

    /** ln W(f) for f >= 0; the table grows as needed. */
    public double logW(int f) {
        if (f < 0) {
            throw new IllegalArgumentException("f = " + f + " is not allowed: need f >= 0");
        }
        double[] t = logW;
        if (f >= t.length) {
            t = ensureCapacity(f + 1);
        }
        return t[f];
    }

    /** W(f + df) / W(f). */
    public double ratio(int f, int df) {
        return Math.exp(logW(f + df) - logW(f));
    }

    /** Number of entries computed so far. */
    public int capacity() {
        return logW.length;
    }

    /** Makes sure ln W(f) is tabulated for 0 <= f < size and returns the table (do not modify). */
    public synchronized double[] ensureCapacity(int size) {
        double[] t = logW;
        if (size <= t.length) {
            return t;
        }
        int newSize = Math.max(size, 2 * t.length);
        double[] grown = compute(t.length, newSize, t);
        logW = grown;
        return grown;
    }

    private double[] compute(int from, int to, double[] old) {
        double[] t = Arrays.copyOf(old, to);
        for (int f = from; f < to; f++) {
            t[f] = lambda == 0 ? logGaussian(eta, f) : logQuadrature(eta, lambda, f);
        }
        return t;
    }

    /** Closed form for lambda = 0: ln[Gamma(f/2 + 1) / (2 eta^(f/2 + 1))]. */
    static double logGaussian(double eta, int f) {
        double a = f / 2.0 + 1;
        return LogGamma.of(a) - Math.log(2) - a * Math.log(eta);
    }

    /**
     * ln of 1/2 int du exp(h(u)), h(u) = a u - eta e^u - lambda e^{2u}, a = f/2 + 1. Valid for
     * lambda > 0, and for lambda = 0 with eta > 0 (used by the tests against the closed form).
     */
    static double logQuadrature(double eta, double lambda, int f) {
        double a = f / 2.0 + 1;
        // peak: h'(u) = a - eta e^u - 2 lambda e^{2u} = 0, i.e. 2 lambda s^2 + eta s - a = 0 (s = e^u)
        double s;
        if (eta >= 0) {
            s = 2 * a / (eta + Math.sqrt(eta * eta + 8 * lambda * a)); // stable root form
        } else {
            s = (-eta + Math.sqrt(eta * eta + 8 * lambda * a)) / (4 * lambda);
        }
        double u0 = Math.log(s);
        double h0 = h(u0, a, eta, lambda);
        double curvature = eta * s + 4 * lambda * s * s; // -h''(u0) > 0
        double width = 1 / Math.sqrt(curvature);
        double step = Math.min(width / 10, 0.05);
        double sum = 1.0; // the peak itself, relative to exp(h0)
        for (int dir = -1; dir <= 1; dir += 2) {
            for (int i = 1; ; i++) {
                double d = h(u0 + dir * i * step, a, eta, lambda) - h0;
                sum += Math.exp(d);
                if (d < -CUTOFF) {
                    break;
                }
            }
        }
        return h0 + Math.log(sum * step) - Math.log(2);
    }

    private static double h(double u, double a, double eta, double lambda) {
        double e = Math.exp(u);
        return a * u - eta * e - lambda * e * e;
    }
}
