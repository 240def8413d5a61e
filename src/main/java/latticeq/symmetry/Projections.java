package latticeq.symmetry;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builders and measurements for the projections of the second paper (arXiv:2303.13458): Pi_G
 * (group average), Pi_E (support mask), Pi_{E cap H_G}, commutator norms and distances.
 */
public final class Projections {
    private Projections() {}

    /** The identity on kernels of {@code shape} (E = everything, no symmetry): for NOMINAL training. */
    public static KernelProjection identity(KernelShape shape) {
        return new KernelProjection() {
            public KernelShape shape() {
                return shape;
            }

            public void apply(double[] kernel, double[] out) {
                KernelAction.requireKernel(shape, kernel);
                KernelAction.requireKernel(shape, out);
                System.arraycopy(kernel, 0, out, 0, kernel.length);
            }

            public String toString() {
                return "identity " + shape;
            }
        };
    }

    /** Pi_G for convolution kernels of {@code shape} between site-centred field types. */
    public static KernelGroupAverage groupAverage(PointGroup group, KernelShape shape, FieldType in, FieldType out) {
        return new KernelGroupAverage(group, shape, in, out);
    }

    /** Pi_G for a conv layer's bias (cOut entries): the bias of an equivariant layer must be invariant. */
    public static KernelGroupAverage biasGroupAverage(PointGroup group, FieldType out) {
        return new KernelGroupAverage(group, new KernelShape(out.channels(), 1, 1, 1), FieldType.scalar(1), out);
    }

    /**
     * The exact projection onto E cap H_G (orthonormal orbit basis, see
     * {@link IntersectionProjection}); equal to Pi_E Pi_G when they commute, and the true
     * orthogonal projection onto the intersection when they do not.
     */
    public static IntersectionProjection intersection(GroupAverageProjection group, SupportMask mask) {
        return IntersectionProjection.of(group, mask);
    }

    /** first then second: A -> second(first(A)). Not a projection unless they commute. */
    public static KernelProjection compose(KernelProjection first, KernelProjection second) {
        requireSameShape(first, second);
        return new KernelProjection() {
            public KernelShape shape() {
                return first.shape();
            }

            public void apply(double[] kernel, double[] out) {
                double[] tmp = first.apply(kernel);
                second.apply(tmp, out);
            }

            public String toString() {
                return second + " o " + first;
            }
        };
    }

    /**
     * The projection onto the intersection of the ranges of two orthogonal projections by
     * alternating projections (von Neumann): x <- P(Q(x)) until the change is below
     * {@code tolerance} times ||x|| or {@code maxIterations} is reached (then it throws). It
     * converges linearly at the rate cos^2 of the Friedrichs angle; use it as a cross-check of
     * {@link #intersection}, which is exact.
     */
    public static KernelProjection alternating(KernelProjection p, KernelProjection q, double tolerance, int maxIterations) {
        requireSameShape(p, q);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance = " + tolerance + ": need > 0");
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations = " + maxIterations + ": need >= 1");
        return new KernelProjection() {
            public KernelShape shape() {
                return p.shape();
            }

            public void apply(double[] kernel, double[] out) {
                double[] x = p.apply(kernel);
                double scale = Math.max(Kernels.norm(kernel), Double.MIN_NORMAL);
                for (int it = 0; it < maxIterations; it++) {
                    double[] y = p.apply(q.apply(x));
                    double diff = 0;
                    for (int i = 0; i < y.length; i++) diff += (y[i] - x[i]) * (y[i] - x[i]);
                    x = y;
                    if (Math.sqrt(diff) <= tolerance * scale) {
                        System.arraycopy(x, 0, out, 0, x.length);
                        return;
                    }
                }
                throw new IllegalStateException("alternating projections did not converge to " + tolerance + " in " + maxIterations + " iterations");
            }

            public String toString() {
                return "alternating(" + p + ", " + q + ")";
            }
        };
    }

    /**
     * Frobenius (Hilbert-Schmidt) norm of the operator Pi_a Pi_b - Pi_b Pi_a on the kernel space,
     * computed exactly from its action on every basis kernel e_j: sqrt(sum_j |C e_j|^2).
     * Cost: shape.size() applications of each projection.
     */
    public static double commutatorNorm(KernelProjection a, KernelProjection b) {
        requireSameShape(a, b);
        int d = a.shape().size();
        double s = 0;
        double[] e = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            double[] c = commutator(a, b, e);
            e[j] = 0;
            for (double v : c) s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Spectral (operator 2-) norm of Pi_a Pi_b - Pi_b Pi_a by power iteration on C^T C = -C^2 (C is
     * skew-symmetric for orthogonal projections), from a seeded random start; at most 1/2.
     */
    public static double commutatorSpectralNorm(KernelProjection a, KernelProjection b, int iterations, long seed) {
        requireSameShape(a, b);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int d = a.shape().size();
        double[] x = new double[d];
        for (int i = 0; i < d; i++) x[i] = rng.nextDouble() - 0.5;
        double lambda = 0;
        for (int it = 0; it < iterations; it++) {
            double n = Kernels.norm(x);
            if (n == 0) return 0;
            for (int i = 0; i < d; i++) x[i] /= n;
            double[] cx = commutator(a, b, x);
            double[] y = commutator(a, b, cx);
            for (int i = 0; i < d; i++) y[i] = -y[i];
            lambda = Kernels.dot(x, y); // Rayleigh quotient of C^T C
            x = y;
        }
        return Math.sqrt(Math.max(lambda, 0));
    }

    /** True if the Frobenius commutator norm is at most {@code tolerance}. */
    public static boolean isCompatible(KernelProjection a, KernelProjection b, double tolerance) {
        return commutatorNorm(a, b) <= tolerance;
    }

    /** ||K - P K||_F and that relative to ||K||_F. */
    public static SubspaceDistance distanceToSubspace(double[] kernel, KernelProjection p) {
        double[] pk = p.apply(kernel);
        double s = 0;
        for (int i = 0; i < kernel.length; i++) s += (kernel[i] - pk[i]) * (kernel[i] - pk[i]);
        double abs = Math.sqrt(s), n = Kernels.norm(kernel);
        return new SubspaceDistance(abs, n == 0 ? 0 : abs / n);
    }

    /**
     * P applied to layer weights held in an INDArray; returns a new array of the same shape and
     * data type. {@code transposed = false}: the weights are stored as the projection's
     * [cOut][cIn][kh][kw] (DL4J convolution weights [nOut, nIn, kH, kW]; a dense map stored
     * [out, in]). {@code transposed = true}: a dense map stored [in, out] (DL4J DenseLayer W), for a
     * projection of shape (out, in, 1, 1). Computed in double precision.
     */
    public static INDArray apply(KernelProjection p, INDArray weights, boolean transposed) {
        double[] k = toKernel(p.shape(), weights, transposed);
        double[] r = p.apply(k);
        INDArray out;
        if (transposed) {
            out = Nd4j.create(r, new long[] {p.shape().cOut(), p.shape().cIn()}, DataType.DOUBLE).transpose().dup('c');
        } else {
            out = Nd4j.create(r, weights.shape(), DataType.DOUBLE);
        }
        return weights.dataType() == DataType.DOUBLE ? out : out.castTo(weights.dataType());
    }

    /** ||W - P W||_F (absolute, relative) for weights in an INDArray (layout as in {@link #apply(KernelProjection, INDArray, boolean)}). */
    public static SubspaceDistance distanceToSubspace(INDArray weights, KernelProjection p, boolean transposed) {
        return distanceToSubspace(toKernel(p.shape(), weights, transposed), p);
    }

    private static double[] toKernel(KernelShape shape, INDArray w, boolean transposed) {
        if (w == null) throw new IllegalArgumentException("weights = null: need an INDArray");
        if (w.length() != shape.size()) {
            throw new IllegalArgumentException("weights have shape " + Arrays.toString(w.shape()) + " (" + w.length() + " entries) but the projection acts on "
                    + shape + " (" + shape.size() + " entries)");
        }
        if (transposed) {
            if (w.rank() != 2 || w.size(0) != shape.cIn() || w.size(1) != shape.cOut() || shape.kh() != 1 || shape.kw() != 1) {
                throw new IllegalArgumentException("transposed dense weights have shape " + Arrays.toString(w.shape()) + ": need [in, out] = ["
                        + shape.cIn() + ", " + shape.cOut() + "] for a projection of shape (out, in, 1, 1) = " + shape);
            }
            return w.transpose().castTo(DataType.DOUBLE).dup('c').data().asDouble();
        }
        return w.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** Frobenius inner product <a, b>. */
    public static double inner(double[] a, double[] b) {
        return Kernels.dot(a, b);
    }

    private static double[] commutator(KernelProjection a, KernelProjection b, double[] x) {
        double[] ab = a.apply(b.apply(x)), ba = b.apply(a.apply(x));
        for (int i = 0; i < ab.length; i++) ab[i] -= ba[i];
        return ab;
    }

    private static void requireSameShape(KernelProjection a, KernelProjection b) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException("projection shapes differ: " + a.shape() + " and " + b.shape() + ": need the same KernelShape");
        }
    }
}
