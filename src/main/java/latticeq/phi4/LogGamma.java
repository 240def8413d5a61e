package latticeq.phi4;

/** ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; relative accuracy ~1e-15). */
final class LogGamma {
    private LogGamma() {}

    private static final double[] C = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    static double of(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("x = " + x + " is not allowed: need x > 0");
        }
        if (x < 0.5) {
            // reflection keeps the series in its accurate range
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - of(1 - x);
        }
        x -= 1;
        double a = C[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += C[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** ln(n!) for n >= 0, exact summation below 32 so small factorials carry no Lanczos error. */
    static double factorial(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " is not allowed: need n >= 0");
        }
        if (n < SMALL.length) {
            return SMALL[n];
        }
        return of(n + 1.0);
    }

    private static final double[] SMALL = new double[32];

    static {
        double s = 0;
        SMALL[0] = 0;
        for (int i = 1; i < SMALL.length; i++) {
            s += Math.log(i);
            SMALL[i] = s;
        }
    }
}
