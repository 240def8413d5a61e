package latticeq.symmetry;

/**
 * Point symmetries acting on convolution kernels K[cOut][cIn][kh][kw] (DL4J weight layout).
 *
 * <p>Convention: a periodic cross-correlation with padding floor((k-1)/2) before and k/2 after,
 * out(p) = sum_q K[q] x(p + q - c), c = (floor((kh-1)/2), floor((kw-1)/2)); so kernel index q
 * sits at offset u = q - c. With site-centred channel representations rho_in, rho_out
 * (signed permutations), (g.K)[., ., u] = rho_out(g) K[., ., M^-1 u] rho_in(g)^-1, and then
 * conv_{g.K}(g x) = g conv_K(x). The box of offsets must be mapped onto itself by M: true for
 * odd sizes (kh = kw for axis-swapping elements). An even size is not centred (offsets 0..k/2 on
 * one side, 1-k/2.. on the other), so a reflection of that axis is rejected; embed such a
 * kernel with {@link Kernels#embedCentred} into the next odd size first.
 */
public final class KernelAction {
    private KernelAction() {}

    /** The action of {@code g} on kernel entries as a signed permutation of shape.size() entries. */
    public static SignedPermutation permutation(KernelShape shape, FieldType in, FieldType out, PointElement g) {
        check(shape, in, out);
        requireBoxInvariant(shape, g);
        ChannelMap mo = out.map(g), mi = in.map(g);
        D4 inv = g.matrix().inverse();
        int ch = (shape.kh() - 1) / 2, cw = (shape.kw() - 1) / 2;
        int[] src = new int[shape.size()];
        byte[] sign = new byte[shape.size()];
        for (int o = 0; o < shape.cOut(); o++) {
            for (int i = 0; i < shape.cIn(); i++) {
                for (int a = 0; a < shape.kh(); a++) {
                    for (int b = 0; b < shape.kw(); b++) {
                        int ut = a - ch, ux = b - cw;
                        int sa = inv.mapT(ut, ux) + ch, sb = inv.mapX(ut, ux) + cw;
                        int e = shape.index(o, i, a, b);
                        src[e] = shape.index(mo.source(o), mi.source(i), sa, sb);
                        sign[e] = (byte) (mo.sign(o) * mi.sign(i));
                    }
                }
            }
        }
        return new SignedPermutation(src, sign);
    }

    /** g . K as a new array. */
    public static double[] apply(KernelShape shape, FieldType in, FieldType out, PointElement g, double[] kernel) {
        requireKernel(shape, kernel);
        double[] r = new double[kernel.length];
        permutation(shape, in, out, g).apply(kernel, 0, r, 0);
        return r;
    }

    static void requireKernel(KernelShape shape, double[] kernel) {
        if (kernel == null || kernel.length != shape.size()) {
            throw new IllegalArgumentException("kernel length " + (kernel == null ? "null" : kernel.length) + " does not match shape " + shape
                    + ": need cOut*cIn*kh*kw = " + shape.size());
        }
    }

    static void check(KernelShape shape, FieldType in, FieldType out) {
        if (shape == null || in == null || out == null) throw new IllegalArgumentException("shape, in and out must not be null");
        if (in.channels() != shape.cIn()) {
            throw new IllegalArgumentException("kernel shape " + shape + " has cIn = " + shape.cIn() + " but the input field type " + in + " has "
                    + in.channels() + " channels: need cIn = " + in.channels());
        }
        if (out.channels() != shape.cOut()) {
            throw new IllegalArgumentException("kernel shape " + shape + " has cOut = " + shape.cOut() + " but the output field type " + out + " has "
                    + out.channels() + " channels: need cOut = " + out.channels());
        }
        in.requireSiteCentred("input");
        out.requireSiteCentred("output");
    }

    /** Throws unless M maps the kernel's offset box onto itself. */
    static void requireBoxInvariant(KernelShape shape, PointElement g) {
        int ch = (shape.kh() - 1) / 2, cw = (shape.kw() - 1) / 2;
        D4 m = g.matrix();
        for (int a = 0; a < shape.kh(); a++) {
            for (int b = 0; b < shape.kw(); b++) {
                int ut = a - ch, ux = b - cw;
                int ta = m.mapT(ut, ux) + ch, tb = m.mapX(ut, ux) + cw;
                if (ta < 0 || ta >= shape.kh() || tb < 0 || tb >= shape.kw()) {
                    throw new IllegalArgumentException("kernel " + shape.kh() + "x" + shape.kw() + " is not mapped onto itself by " + g
                            + ": offsets t in [" + (-ch) + ", " + (shape.kh() - 1 - ch) + "], x in [" + (-cw) + ", " + (shape.kw() - 1 - cw)
                            + "] around the centre floor((k-1)/2); point-group projections need odd sizes (kh = kw when axes swap)."
                            + " Embed an even kernel with Kernels.embedCentred into the next odd size");
                }
            }
        }
    }
}
