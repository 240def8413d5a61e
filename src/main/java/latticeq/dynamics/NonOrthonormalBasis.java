package latticeq.dynamics;

import latticeq.symmetry.KernelProjection;
import latticeq.symmetry.KernelShape;
import latticeq.symmetry.SupportMask;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A kernel layer of the admissible space E parametrized through a basis that is not orthonormal:
 * A = B theta, B = M C restricted to the support (M the support mask, C = I + spread G / sqrt(d)
 * with a seeded Gaussian G). Gradient descent on theta moves A by -lr B B^T grad_A R, so this map
 * (g -> M C M C^T M g, symmetric, positive definite on E) is what the trainer applies to the
 * kernel's gradient. For C = I it is Pi_E: the orthonormal parametrization. The second theorem of
 * arXiv:2303.13458 needs compatibility AND an orthonormal (unitary) parametrization: B B^T does not
 * commute with the group average for a random C, so augmented flow can leave E cap H_G even for a
 * compatible support (tested in NonOrthonormalBasisTest).
 */
public final class NonOrthonormalBasis implements KernelProjection {
    private final SupportMask mask;
    private final double[][] c;

    /**
     * @param mask   the support of E
     * @param seed   seed of C
     * @param spread size of C's random part, >= 0 (0: the orthonormal parametrization)
     */
    public NonOrthonormalBasis(SupportMask mask, long seed, double spread) {
        if (mask == null) throw new IllegalArgumentException("mask = null: need the support of E");
        if (!(spread >= 0) || !Double.isFinite(spread)) throw new IllegalArgumentException("spread = " + spread + ": need a finite value >= 0");
        this.mask = mask;
        int d = mask.shape().size();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) c[i][j] = (i == j ? 1 : 0) + spread * g.sample() / Math.sqrt(d);
        }
    }

    @Override
    public KernelShape shape() {
        return mask.shape();
    }

    @Override
    public void apply(double[] kernel, double[] out) {
        int d = c.length;
        double[] u = mask.apply(kernel);
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {          // v = C^T u
            double s = 0;
            for (int i = 0; i < d; i++) s += c[i][j] * u[i];
            v[j] = s;
        }
        v = mask.apply(v);                     // theta lives on the support
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {          // w = C v
            double s = 0;
            for (int j = 0; j < d; j++) s += c[i][j] * v[j];
            w[i] = s;
        }
        mask.apply(w, out);
    }

    @Override
    public String toString() {
        return "non-orthonormal basis of " + mask.name();
    }
}
