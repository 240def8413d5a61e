package latticeq.symmetry;

/**
 * An orthogonal projection (in the Frobenius inner product) of convolution kernels of one shape
 * onto a linear subspace: the equivariant kernels H_G, an admissible space E (a support mask),
 * or their intersection. This is the contract between {@code symmetry} (which builds them) and
 * {@code train} (which applies them to layer weights and gradients in EQUIVARIANT mode).
 */
public interface KernelProjection {

    /** The kernel shape this projection acts on. */
    KernelShape shape();

    /**
     * Writes the projection of {@code kernel} into {@code out}; both have {@code shape().size()}
     * entries in [cOut][cIn][kh][kw] order. {@code out} may be the same array as {@code kernel}.
     */
    void apply(double[] kernel, double[] out);

    default double[] apply(double[] kernel) {
        double[] out = new double[kernel.length];
        apply(kernel, out);
        return out;
    }
}
