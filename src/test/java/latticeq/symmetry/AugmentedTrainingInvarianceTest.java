package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The second paper's invariance statement on a tiny network in double precision, with
 * hand-written gradients: conv 3x3 (1 -> 2 channels, periodic) + bias, tanh, global mean pool,
 * dense 2 -> 1; MSE to invariant targets; plain SGD steps A <- A - lr Pi_E grad. Starting on
 * E cap H_G, orbit-averaged augmentation keeps the kernel in H_G when E and H_G commute and
 * leaves it when they do not; nominal training leaves it.
 */
class AugmentedTrainingInvarianceTest {

    static final Lattice L = new Lattice(5, 5);
    static final KernelShape S = new KernelShape(2, 1, 3, 3);

    /** Loss and gradient with respect to the kernel (other parameters updated in place by SGD too). */
    static final class Net {
        double[] k;
        double[] b = new double[2];
        double[] w = {0.7, -0.4};
        double w0 = 0.1;

        /** One SGD step on the batch; returns the loss. The kernel gradient goes through {@code mask}. */
        double step(List<double[]> xs, List<Double> ys, double lr, KernelProjection mask) {
            int v = L.volume();
            double[] gk = new double[k.length], gb = new double[2], gw = new double[2];
            double gw0 = 0, loss = 0;
            for (int n = 0; n < xs.size(); n++) {
                double[] x = xs.get(n);
                double[] pre = Fields.conv(L, S, k, x);
                double[] h = new double[pre.length];
                double[] z = new double[2];
                for (int c = 0; c < 2; c++) {
                    for (int p = 0; p < v; p++) {
                        h[c * v + p] = Math.tanh(pre[c * v + p] + b[c]);
                        z[c] += h[c * v + p] / v;
                    }
                }
                double r = w[0] * z[0] + w[1] * z[1] + w0 - ys.get(n);
                loss += 0.5 * r * r / xs.size();
                double s = r / xs.size();
                gw0 += s;
                for (int c = 0; c < 2; c++) {
                    gw[c] += s * z[c];
                    for (int p = 0; p < v; p++) {
                        double d = s * w[c] / v * (1 - h[c * v + p] * h[c * v + p]);
                        gb[c] += d;
                        int t = L.t(p), xx = L.x(p);
                        for (int a = 0; a < 3; a++) {
                            for (int bb = 0; bb < 3; bb++) gk[S.index(c, 0, a, bb)] += d * x[L.site(t + a - 1, xx + bb - 1)];
                        }
                    }
                }
            }
            double[] pg = mask.apply(gk);
            for (int i = 0; i < k.length; i++) k[i] -= lr * pg[i];
            for (int c = 0; c < 2; c++) {
                b[c] -= lr * gb[c];
                w[c] -= lr * gw[c];
            }
            w0 -= lr * gw0;
            return loss;
        }
    }

    /** Max relative distance ||K - Pi_G K|| / ||K|| over the run. */
    static double run(SupportMask mask, boolean augmented, long seed, double[] lossOut) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        LatticeGroup g = LatticeGroups.c4(L);
        KernelGroupAverage pg = Projections.groupAverage(g.pointGroup(), S, FieldType.scalar(1), FieldType.scalar(2));
        Net net = new Net();
        net.k = Projections.intersection(pg, mask).apply(Fields.gaussian(rng, S.size()));
        // (for the L-shaped support E cap H_G = {0}: no C4 orbit of 3x3 positions lies inside it)
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            double[] x = Fields.gaussian(rng, L.volume());
            xs.add(x);
            ys.add(rng.nextDouble());
        }
        List<double[]> bx = xs;
        List<Double> by = ys;
        if (augmented) {
            bx = new ArrayList<>();
            by = new ArrayList<>();
            for (int n = 0; n < xs.size(); n++) {
                for (LatticeSymmetry e : g.elements()) {
                    bx.add(FieldAction.of(FieldType.scalar(1), e).apply(xs.get(n)));
                    by.add(ys.get(n)); // invariant target
                }
            }
        }
        double worst = 0, first = 0, last = 0;
        for (int step = 0; step < 150; step++) {
            double l = net.step(bx, by, 0.5, mask);
            if (step == 0) first = l;
            last = l;
            worst = Math.max(worst, Projections.distanceToSubspace(net.k, pg).relative());
        }
        lossOut[0] = first;
        lossOut[1] = last;
        return worst;
    }

    @Test
    void augmentedStaysEquivariantOnlyWithACompatibleSupport() {
        double[] loss = new double[2];
        SupportMask full = SupportMask.full(S), ell = SupportMask.lShape(S);
        double augCompatible = run(full, true, 1, loss);
        assertTrue(loss[1] < loss[0], "training reduces the loss: " + loss[0] + " -> " + loss[1]);
        double nominal = run(full, false, 1, loss);
        double augIncompatible = run(ell, true, 1, loss);
        double augTop = run(SupportMask.topRows(S), true, 1, loss);
        double augPlus = run(SupportMask.plus(S), true, 1, loss);
        assertTrue(augCompatible < 1e-13, "augmented, compatible E: " + augCompatible);
        assertTrue(augPlus < 1e-13, "augmented, compatible plus-shaped E: " + augPlus);
        assertTrue(nominal > 1e-3, "nominal: " + nominal);
        assertTrue(augIncompatible > 1e-3, "augmented, incompatible E: " + augIncompatible);
        assertTrue(augTop > 1e-3, "augmented, incompatible 2x3 E: " + augTop);
        System.out.printf("tiny net C4, 150 SGD steps: max rel. distance to H_G  AUG/full %.2e  AUG/plus %.2e  NOM/full %.2e  AUG/L %.2e  AUG/2x3 %.2e%n",
                augCompatible, augPlus, nominal, augIncompatible, augTop);
    }
}
