package latticeq.phi4;

import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Plain Metropolis sampler of the complex field phi at mu = 0, an independent check of the dual
 * samplers. Action (measure d Re(phi) d Im(phi) per site, the normalization in which the dual
 * site weight is W(f) = int dr r^(f+1) exp(-eta r^2 - lambda r^4)):
 * <pre>  S = sum_x [ eta |phi_x|^2 + lambda |phi_x|^4 - sum_nu 2 Re(phi_x^* phi_{x+nu}) ].</pre>
 * Expanding exp(phi_x^* phi_{x+nu}) exp(phi_{x+nu}^* phi_x) in powers n, nbar, with
 * k = n - nbar and l = min(n, nbar), and integrating the phases and radii of phi_x = r e^{i theta}
 * gives exactly the dual weight of {@link DualConfiguration} (at mu = 0), so
 * &lt;|phi|^2&gt; here equals &lt;(1/V) sum_x W(f_x+2)/W(f_x)&gt; there.
 *
 * <p>A sweep visits every site in order and proposes phi -> phi + step (u1 + i u2), u uniform in
 * [-1, 1). Only mu = 0 is allowed: at mu != 0 the action is complex (sign problem).
 */
public final class PhiMetropolisSampler {

    private final Lattice lattice;
    private final Phi4Params params;
    private final double step;
    private final UniformRandomProvider rng;
    private final double[] re;
    private final double[] im;
    private final int[] neighbours;
    private long proposals;
    private long accepted;

    public PhiMetropolisSampler(Lattice lattice, Phi4Params params, double step, long seed) {
        if (params.mu() != 0) {
            throw new IllegalArgumentException("mu = " + params.mu() + " is not allowed: the phi-field sampler needs mu = 0 (no sign problem)");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step = " + step + " is not allowed: need a finite value > 0");
        }
        this.lattice = lattice;
        this.params = params;
        this.step = step;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int v = lattice.volume();
        this.re = new double[v];
        this.im = new double[v];
        this.neighbours = new int[4 * v];
        for (int x = 0; x < v; x++) {
            neighbours[4 * x] = lattice.forward(x, 0);
            neighbours[4 * x + 1] = lattice.forward(x, 1);
            neighbours[4 * x + 2] = lattice.backward(x, 0);
            neighbours[4 * x + 3] = lattice.backward(x, 1);
        }
    }

    public void sweep() {
        double eta = params.eta(), lambda = params.lambda();
        for (int x = 0; x < re.length; x++) {
            double sr = 0, si = 0;
            for (int j = 0; j < 4; j++) {
                int y = neighbours[4 * x + j];
                sr += re[y];
                si += im[y];
            }
            double r0 = re[x], i0 = im[x];
            double r1 = r0 + step * (2 * rng.nextDouble() - 1);
            double i1 = i0 + step * (2 * rng.nextDouble() - 1);
            double a0 = r0 * r0 + i0 * i0, a1 = r1 * r1 + i1 * i1;
            // hopping: -2 Re(phi_x^* sum_neighbours phi_y), each neighbour pair counted once per link
            double dS = eta * (a1 - a0) + lambda * (a1 * a1 - a0 * a0) - 2 * ((r1 - r0) * sr + (i1 - i0) * si);
            proposals++;
            if (dS <= 0 || rng.nextDouble() < Math.exp(-dS)) {
                re[x] = r1;
                im[x] = i1;
                accepted++;
            }
        }
    }

    /** (1/V) sum_x |phi_x|^2 of the current field. */
    public double phi2() {
        double s = 0;
        for (int x = 0; x < re.length; x++) {
            s += re[x] * re[x] + im[x] * im[x];
        }
        return s / re.length;
    }

    public double acceptanceRate() {
        return proposals == 0 ? 0 : (double) accepted / proposals;
    }

    public Lattice lattice() {
        return lattice;
    }
}
