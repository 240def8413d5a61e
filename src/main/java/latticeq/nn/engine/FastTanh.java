package latticeq.nn.engine;

/**
 * tanh on float arrays as a clamped rational function (the 13/6 approximation Eigen and PyTorch's
 * CPU kernels use for float32), with only multiplies, adds, one divide and min/max, so that HotSpot
 * vectorises the loop. libnd4j's single-threaded tanh and tanh_bp took 40 % of a training step
 * (docs/benchmarks-history.md). Error against Math.tanh: below 1e-6 absolute (checked in FastTanhTest).
 */
final class FastTanh {
    private FastTanh() {}

    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f,
            A5 = 1.48572235717979e-05f, A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f,
            A11 = 2.00018790482477e-13f, A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f,
            B4 = 1.18534705686654e-04f, B6 = 1.19825839466702e-06f;

    /** y[i] = tanh(y[i]) for i < n, in place. */
    static void apply(float[] y, int n) {
        for (int i = 0; i < n; i++) {
            float x = Math.max(-CLAMP, Math.min(CLAMP, y[i]));
            float x2 = x * x;
            float p = x2 * A13 + A11;
            p = x2 * p + A9;
            p = x2 * p + A7;
            p = x2 * p + A5;
            p = x2 * p + A3;
            p = x2 * p + A1;
            p = x * p;
            float q = x2 * B6 + B4;
            q = x2 * q + B2;
            q = x2 * q + B0;
            y[i] = p / q;
        }
    }

    /** dz[i] = eps[i] * (1 - y[i]^2): the gradient through tanh from its output y. */
    static void backprop(float[] y, float[] eps, float[] dz, int n) {
        for (int i = 0; i < n; i++) dz[i] = eps[i] * (1 - y[i] * y[i]);
    }
}
