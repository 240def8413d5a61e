package latticeq.symmetry;

import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;

/** Test helpers: random fields, divergence-free link fields, the doc's observables. */
final class Fields {
    private Fields() {}

    static double[] gaussian(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextDouble() * 2 - 1;
        return v;
    }

    /**
     * Raw (k_t, k_x, l_t, l_x) with k divergence free: random plaquette circulations plus
     * temporal and spatial windings; l random non-negative.
     */
    static int[] divergenceFreeConfig(Lattice lat, UniformRandomProvider rng) {
        int v = lat.volume();
        int[] f = new int[4 * v];
        for (int m = 0; m < 3 * v; m++) {
            int p = rng.nextInt(v), s = rng.nextBoolean() ? 1 : -1;
            f[p] += s; // k_t(p)
            f[v + lat.forward(p, 0)] += s; // k_x(p + t)
            f[lat.forward(p, 1)] -= s; // k_t(p + x)
            f[v + p] -= s; // k_x(p)
        }
        int wt = rng.nextInt(5) - 2, x0 = rng.nextInt(lat.nx());
        for (int t = 0; t < lat.nt(); t++) f[lat.site(t, x0)] += wt;
        int wx = rng.nextInt(5) - 2, t0 = rng.nextInt(lat.nt());
        for (int x = 0; x < lat.nx(); x++) f[v + lat.site(t0, x)] += wx;
        for (int i = 2 * v; i < 4 * v; i++) f[i] = rng.nextInt(4);
        return f;
    }

    static int divergence(Lattice lat, int[] f, int site) {
        int v = lat.volume(), d = 0;
        for (int nu = 0; nu < 2; nu++) d += f[nu * v + site] - f[nu * v + lat.backward(site, nu)];
        return d;
    }

    /** f_x = sum_nu (|k_x,nu| + |k_x-nu,nu| + 2 (l_x,nu + l_x-nu,nu)). */
    static int fx(Lattice lat, int[] f, int site) {
        int v = lat.volume(), s = 0;
        for (int nu = 0; nu < 2; nu++) {
            int b = lat.backward(site, nu);
            s += Math.abs(f[nu * v + site]) + Math.abs(f[nu * v + b]) + 2 * (f[(2 + nu) * v + site] + f[(2 + nu) * v + b]);
        }
        return s;
    }

    /** sum_x k_t(x) = V n. */
    static int sumKt(Lattice lat, int[] f) {
        int s = 0;
        for (int i = 0; i < lat.volume(); i++) s += f[i];
        return s;
    }

    /** Periodic cross-correlation, out(p) = sum_q K[q] x(p + q - floor((k-1)/2)), double precision. */
    static double[] conv(Lattice lat, KernelShape s, double[] k, double[] x) {
        int v = lat.volume(), ch = (s.kh() - 1) / 2, cw = (s.kw() - 1) / 2;
        double[] out = new double[s.cOut() * v];
        for (int o = 0; o < s.cOut(); o++) {
            for (int t = 0; t < lat.nt(); t++) {
                for (int xx = 0; xx < lat.nx(); xx++) {
                    double acc = 0;
                    for (int i = 0; i < s.cIn(); i++) {
                        for (int a = 0; a < s.kh(); a++) {
                            for (int b = 0; b < s.kw(); b++) {
                                acc += k[s.index(o, i, a, b)] * x[i * v + lat.site(t + a - ch, xx + b - cw)];
                            }
                        }
                    }
                    out[o * v + lat.site(t, xx)] = acc;
                }
            }
        }
        return out;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
