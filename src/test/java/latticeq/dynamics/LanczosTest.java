package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class LanczosTest {

    /** A = Q diag(lambda) Q^T with a random orthogonal Q (Gram-Schmidt of Gaussian columns). */
    private static double[][] withSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double[][] q = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = g.sample();
            for (int p = 0; p < c; p++) {
                double d = 0;
                for (int i = 0; i < n; i++) d += col[i] * q[i][p];
                for (int i = 0; i < n; i++) col[i] -= d * q[i][p];
            }
            double nn = Lanczos.norm(col);
            for (int i = 0; i < n; i++) q[i][c] = col[i] / nn;
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) a[i][j] += q[i][k] * lambda[k] * q[j][k];
        return a;
    }

    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Lanczos.dot(a[i], v);
        return out;
    }

    private static double[] gaussian(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = g.sample();
        return v;
    }

    /**
     * Known spectrum: one slightly negative eigenvalue below a dense positive bulk (the shape of an
     * augmented Hessian at an unstable equivariant point). Lanczos finds both ends and the lowest
     * eigenvector; 40 iterations of power iteration on the shifted operator (the former estimate)
     * stay above the minimum, far enough to call the point stable.
     */
    @Test
    void findsBothEndsOfAKnownSpectrumWherePowerIterationIsBiased() {
        int n = 200;
        double[] lambda = new double[n];
        lambda[0] = -0.02;
        for (int i = 1; i < n; i++) lambda[i] = 0.001 + 10.0 * i / (n - 1);
        double[][] a = withSpectrum(lambda, 3);
        Lanczos.Result r = Lanczos.run(v -> times(a, v), gaussian(n, 4), 80);
        assertEquals(-0.02, r.min(), 1e-6);
        assertEquals(10.001, r.max(), 1e-6);
        assertTrue(r.residuals()[0] < 1e-5, "residual of the lowest pair " + r.residuals()[0]);
        // the Ritz vector is the eigenvector: H y = lambda_min y
        double[] y = r.lowestVector(), hy = times(a, y);
        for (int i = 0; i < n; i++) assertEquals(-0.02 * y[i], hy[i], 1e-5);
        // shifted power iteration, 40 steps, as before: biased upwards, here to the wrong sign
        double top = 0;
        double[] v = gaussian(n, 5);
        for (int i = 0; i < 40; i++) {
            double nv = Lanczos.norm(v);
            for (int k = 0; k < n; k++) v[k] /= nv;
            double[] hv = times(a, v);
            top = Lanczos.dot(v, hv);
            v = hv;
        }
        double[] w = gaussian(n, 6);
        double other = top;
        for (int i = 0; i < 40; i++) {
            double nw = Lanczos.norm(w);
            for (int k = 0; k < n; k++) w[k] /= nw;
            double[] hw = times(a, w), bw = new double[n];
            for (int k = 0; k < n; k++) bw[k] = top * w[k] - hw[k];
            other = top - Lanczos.dot(w, bw);
            w = bw;
        }
        assertTrue(other > 0, "power iteration's minimum " + other + " should (wrongly) look stable here");
    }

    @Test
    void exhaustsSmallSpacesAndChecksItsInput() {
        double[][] a = withSpectrum(new double[] {-1, 2, 5}, 9);
        Lanczos.Result r = Lanczos.run(v -> times(a, v), new double[] {1, 1, 1}, 50);
        assertEquals(3, r.steps());
        assertArrayEquals(new double[] {-1, 2, 5}, r.values(), 1e-10);
        assertThrows(IllegalArgumentException.class, () -> Lanczos.run(v -> v, new double[3], 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lanczos.run(v -> v, new double[] {1}, 0));
        assertTrue(e.getMessage().startsWith("steps = 0"));
    }
}
