package latticeq.symmetry;

/** Small kernel utilities. */
public final class Kernels {
    private Kernels() {}

    /**
     * The odd-size shape that holds a kernel with even kh and/or kw centred (size k + 1 for an
     * even k, unchanged for odd).
     */
    public static KernelShape centredShape(KernelShape shape) {
        return new KernelShape(shape.cOut(), shape.cIn(), shape.kh() | 1, shape.kw() | 1);
    }

    /**
     * Embeds a kernel into {@link #centredShape} so the periodic convolution (padding
     * floor((k-1)/2) before, k/2 after) is unchanged: an even k has offsets 1-k/2 .. k/2, which
     * land at indices 1 .. k of the odd size k + 1 (index 0 stays zero).
     */
    public static double[] embedCentred(KernelShape shape, double[] kernel) {
        KernelAction.requireKernel(shape, kernel);
        KernelShape big = centredShape(shape);
        int dh = shape.kh() % 2 == 0 ? 1 : 0, dw = shape.kw() % 2 == 0 ? 1 : 0;
        double[] out = new double[big.size()];
        for (int o = 0; o < shape.cOut(); o++) {
            for (int i = 0; i < shape.cIn(); i++) {
                for (int a = 0; a < shape.kh(); a++) {
                    for (int b = 0; b < shape.kw(); b++) {
                        out[big.index(o, i, a + dh, b + dw)] = kernel[shape.index(o, i, a, b)];
                    }
                }
            }
        }
        return out;
    }

    /** Frobenius inner product. */
    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Frobenius norm. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
