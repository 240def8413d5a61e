package latticeq.dynamics;

import latticeq.symmetry.KernelProjection;
import latticeq.symmetry.KernelShape;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A parametrization of the kernels of a support L through m basis kernels b_1..b_m over the
 * kh x kw positions, the same for every (out, in) channel pair: K[o][i] = sum_j theta[o][i][j] b_j.
 * Gradient descent on theta moves K by -lr B B^T grad_K R, so B B^T (applied to every channel
 * pair's kh x kw block) is what the trainer applies to the kernel's gradient; this class is that
 * map. With the unit kernels of the support's positions it is Pi_L (the orthonormal case).
 * {@link #normalizedGaussian} is the non-orthonormal basis of the authors' code (arXiv:2303.13458,
 * usinedepain/eq_aug_dyn, {@code omegaConv(orthogonal=False)}): b_i = sum_j c_ij e_j over the support's
 * unit kernels e_j, with Gaussian c_ij, each b_i scaled to unit norm.
 */
public final class PositionBasis implements KernelProjection {
    private final KernelShape shape;
    private final double[][] gram;   // B B^T over the kh*kw positions
    private final String name;

    private PositionBasis(KernelShape shape, double[][] basis, String name) {
        int p = shape.kh() * shape.kw();
        this.shape = shape;
        this.name = name;
        gram = new double[p][p];
        for (double[] b : basis) {
            for (int u = 0; u < p; u++) for (int v = 0; v < p; v++) gram[u][v] += b[u] * b[v];
        }
    }

    /**
     * @param shape   the kernel shape of the layer
     * @param support kh x kw positions of L
     * @param seed    seed of the Gaussian coefficients
     */
    public static PositionBasis normalizedGaussian(KernelShape shape, boolean[][] support, long seed) {
        int[] pos = positions(shape, support);
        int m = pos.length, p = shape.kh() * shape.kw();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double[][] basis = new double[m][p];
        for (int i = 0; i < m; i++) {
            double norm = 0;
            for (int j = 0; j < m; j++) {
                double c = g.sample();
                basis[i][pos[j]] = c;
                norm += c * c;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) throw new IllegalStateException("a basis kernel of norm 0 drawn from seed " + seed);
            for (int j = 0; j < p; j++) basis[i][j] /= norm;
        }
        return new PositionBasis(shape, basis, "random normalized basis (seed " + seed + ")");
    }

    /** The support's unit kernels: B B^T = Pi_L. */
    public static PositionBasis orthonormal(KernelShape shape, boolean[][] support) {
        int[] pos = positions(shape, support);
        double[][] basis = new double[pos.length][shape.kh() * shape.kw()];
        for (int i = 0; i < pos.length; i++) basis[i][pos[i]] = 1;
        return new PositionBasis(shape, basis, "unit kernels of the support");
    }

    private static int[] positions(KernelShape shape, boolean[][] support) {
        if (support == null || support.length != shape.kh()) {
            throw new IllegalArgumentException("support has " + (support == null ? "null" : support.length) + " rows: need kh = " + shape.kh());
        }
        int count = 0;
        for (boolean[] row : support) {
            if (row.length != shape.kw()) throw new IllegalArgumentException("support row has " + row.length + " columns: need kw = " + shape.kw());
            for (boolean b : row) if (b) count++;
        }
        if (count == 0) throw new IllegalArgumentException("support is empty: need at least one position");
        int[] pos = new int[count];
        for (int a = 0, k = 0; a < shape.kh(); a++) for (int b = 0; b < shape.kw(); b++) if (support[a][b]) pos[k++] = a * shape.kw() + b;
        return pos;
    }

    /** B B^T over the kh*kw positions (a copy). */
    public double[][] gram() {
        double[][] out = new double[gram.length][];
        for (int i = 0; i < gram.length; i++) out[i] = gram[i].clone();
        return out;
    }

    @Override
    public KernelShape shape() {
        return shape;
    }

    @Override
    public void apply(double[] kernel, double[] out) {
        int p = gram.length;
        double[] block = new double[p];
        for (int at = 0; at < kernel.length; at += p) {
            System.arraycopy(kernel, at, block, 0, p);
            for (int u = 0; u < p; u++) {
                double s = 0;
                for (int v = 0; v < p; v++) s += gram[u][v] * block[v];
                out[at + u] = s;
            }
        }
    }

    @Override
    public String toString() {
        return name + " on " + shape;
    }
}
