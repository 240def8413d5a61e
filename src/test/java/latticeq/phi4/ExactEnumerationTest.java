package latticeq.phi4;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import latticeq.lattice.Lattice;
import org.junit.jupiter.api.Test;

/**
 * An independent check at lambda > 0 and mu > 0 (where neither the free field nor the phi
 * Metropolis sampler applies): on a 2x2 lattice at large eta, the partition sum over all
 * divergence-free k with |k| <= 3 and all l <= 2 on the 8 links is done exactly from the
 * definition of the weight ({@link DualConfiguration#logWeight}); the neglected states change
 * &lt;n&gt; and &lt;|phi|^2&gt; by less than 1e-4 relative (checked against larger cut-offs while
 * writing this test), far below the Monte Carlo errors.
 */
class ExactEnumerationTest {

    private static final Lattice LATTICE = new Lattice(2, 2);
    private static final Phi4Params PARAMS = new Phi4Params(12, 1, 1.0);

    @Test
    void bothWormSamplersMatchTheEnumeratedPartitionSum() {
        double[] exact = enumerate(3, 2);
        // sanity of the truncation: a smaller cut-off changes the result only slightly
        double[] smaller = enumerate(2, 2);
        assertEquals(exact[0], smaller[0], 0.02 * exact[0]);
        assertTrue(exact[0] > 0.04, "n should be clearly nonzero here: " + exact[0]);

        for (DualSampler s : new DualSampler[] {new WormSampler(LATTICE, PARAMS, 2, 101), new ReferenceWormSampler(LATTICE, PARAMS, 2, 103)}) {
            MonteCarloRun run = MonteCarloRun.run(s, 1000, s instanceof WormSampler ? 1_000_000 : 300_000, latticeq.progress.ProgressListener.none());
            double dn = Math.abs(run.densityEstimate().mean() - exact[0]) / run.densityEstimate().error();
            double dq = Math.abs(run.phi2Estimate().mean() - exact[1]) / run.phi2Estimate().error();
            String what = s.getClass().getSimpleName() + ": n " + run.densityEstimate() + " vs " + exact[0]
                    + ", |phi|^2 " + run.phi2Estimate() + " vs " + exact[1];
            assertTrue(dn < 4 && dq < 4, what);
            // the test has teeth: errors well below the size of the effect of mu
            assertTrue(run.densityEstimate().error() < 0.05 * exact[0], what);
        }
    }

    /** {&lt;n&gt;, &lt;|phi|^2&gt;} summed exactly over |k| <= kmax, l <= lmax on every link. */
    private static double[] enumerate(int kmax, int lmax) {
        int links = LATTICE.links();
        WeightTable table = WeightTable.of(PARAMS);
        List<int[]> divergenceFree = new ArrayList<>();
        int[] k = new int[links];
        int nk = (int) Math.pow(2 * kmax + 1, links);
        for (int i = 0; i < nk; i++) {
            int c = i;
            for (int j = 0; j < links; j++) {
                k[j] = c % (2 * kmax + 1) - kmax;
                c /= 2 * kmax + 1;
            }
            if (new DualConfiguration(LATTICE, k, new int[links]).isDivergenceFree()) {
                divergenceFree.add(k.clone());
            }
        }
        // the weight from its definition, inlined for speed (45 million terms); spot-checked
        // against DualConfiguration.logWeight below
        int v = LATTICE.volume();
        int[][] touching = new int[v][4];
        for (int x = 0; x < v; x++) {
            touching[x] = new int[] {LATTICE.link(x, 0), LATTICE.link(x, 1),
                LATTICE.link(LATTICE.backward(x, 0), 0), LATTICE.link(LATTICE.backward(x, 1), 1)};
        }
        double[] lnFact = new double[kmax + lmax + 1];
        for (int i = 1; i < lnFact.length; i++) {
            lnFact[i] = lnFact[i - 1] + Math.log(i);
        }
        int fMax = 4 * (kmax + 2 * lmax) + 2;
        double[] logW = new double[fMax + 1];
        for (int f = 0; f <= fMax; f++) {
            logW[f] = table.logW(f);
        }
        double logW0 = DualConfiguration.zero(LATTICE).logWeight(PARAMS, table);
        int nl = (int) Math.pow(lmax + 1, links);
        int[] l = new int[links];
        double z = 0, n = 0, q = 0;
        long count = 0;
        for (int[] kk : divergenceFree) {
            double muTerm = 0;
            long kt = 0;
            for (int x = 0; x < v; x++) {
                kt += kk[LATTICE.link(x, 0)];
            }
            muTerm = PARAMS.mu() * kt;
            for (int i = 0; i < nl; i++) {
                int c = i;
                for (int j = 0; j < links; j++) {
                    l[j] = c % (lmax + 1);
                    c /= lmax + 1;
                }
                double lw = muTerm;
                for (int j = 0; j < links; j++) {
                    lw -= lnFact[Math.abs(kk[j]) + l[j]] + lnFact[l[j]];
                }
                double phi2 = 0;
                for (int x = 0; x < v; x++) {
                    int f = 0;
                    for (int j : touching[x]) {
                        f += Math.abs(kk[j]) + 2 * l[j];
                    }
                    lw += logW[f];
                    phi2 += Math.exp(logW[f + 2] - logW[f]);
                }
                if (count++ % 99_991 == 0) {
                    DualConfiguration d = new DualConfiguration(LATTICE, kk, l);
                    assertEquals(d.logWeight(PARAMS, table), lw, 1e-9);
                    assertEquals(Observables.phi2(d, table), phi2 / v, 1e-12);
                }
                double w = Math.exp(lw - logW0);
                z += w;
                n += w * kt / v;
                q += w * phi2 / v;
            }
        }
        return new double[] {n / z, q / z};
    }
}
