package latticeq.phi4;

import latticeq.lattice.Lattice;

/**
 * Exact values of the free (lambda = 0) theory on the finite periodic N_t x N_x lattice.
 *
 * <p>At lambda = 0 the action is S = phi^dagger M phi with, in momentum space
 * (p_t = 2 pi j / N_t, p_x = 2 pi m / N_x),
 * <pre>  M(p) = eta - e^{mu + i p_t} - e^{-mu - i p_t} - 2 cos p_x ,</pre>
 * so ln Z = -sum_p ln M(p) + const. Hence
 * <pre>
 *   &lt;|phi|^2&gt; = (1/V) sum_p 1 / M(p),
 *   &lt;n&gt;       = (1/V) d ln Z / d mu = (1/V) sum_p (e^{mu + i p_t} - e^{-mu - i p_t}) / M(p),
 * </pre>
 * both real (the imaginary parts cancel between p_t and -p_t). The Hermitian part of M is
 * positive exactly when eta > 2 + 2 cosh(mu), the condition {@link Phi4Params} enforces.
 */
public final class FreeField {
    private FreeField() {}

    /** Exact &lt;|phi|^2&gt; at lambda = 0. */
    public static double phi2(Lattice lattice, Phi4Params p) {
        return sum(lattice, p, false);
    }

    /** Exact &lt;n&gt; at lambda = 0. */
    public static double density(Lattice lattice, Phi4Params p) {
        return sum(lattice, p, true);
    }

    private static double sum(Lattice lattice, Phi4Params p, boolean density) {
        if (p.lambda() != 0) {
            throw new IllegalArgumentException("lambda = " + p.lambda() + " is not allowed: the free field needs lambda = 0");
        }
        int nt = lattice.nt(), nx = lattice.nx();
        double ch = Math.cosh(p.mu()), sh = Math.sinh(p.mu());
        double total = 0;
        for (int j = 0; j < nt; j++) {
            double pt = 2 * Math.PI * j / nt;
            double c = Math.cos(pt), s = Math.sin(pt);
            for (int m = 0; m < nx; m++) {
                double px = 2 * Math.PI * m / nx;
                // M = eta - 2 cosh(mu) cos pt - 2 cos px - 2 i sinh(mu) sin pt
                double re = p.eta() - 2 * ch * c - 2 * Math.cos(px);
                double im = -2 * sh * s;
                double norm = re * re + im * im;
                if (density) {
                    // numerator e^{mu+ipt} - e^{-mu-ipt} = 2 sinh(mu) cos pt + 2 i cosh(mu) sin pt
                    double nr = 2 * sh * c, ni = 2 * ch * s;
                    total += (nr * re + ni * im) / norm;
                } else {
                    total += re / norm;
                }
            }
        }
        return total / lattice.volume();
    }
}
