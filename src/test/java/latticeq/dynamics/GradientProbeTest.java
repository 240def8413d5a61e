package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import latticeq.lattice.Lattice;
import latticeq.symmetry.FieldAction;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.LatticeGroups;
import latticeq.symmetry.LatticeSymmetry;
import latticeq.symmetry.LinkLift;
import latticeq.symmetry.PointGroup;
import latticeq.symmetry.TargetAction;
import latticeq.train.TrainingMode;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientProbeTest {
    static final Lattice LAT = new Lattice(4, 4);

    static INDArray gaussian(UniformRandomProvider rng, long... shape) {
        long n = 1;
        for (long s : shape) n *= s;
        double[] d = new double[(int) n];
        for (int i = 0; i < d.length; i++) {
            double u = rng.nextDouble(), w = rng.nextDouble();
            d[i] = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
        }
        return Nd4j.create(d, shape, DataType.DOUBLE);
    }

    static INDArray links(UniformRandomProvider rng, int n) {
        return LinkLift.lift(gaussian(rng, n, 4, LAT.nt(), LAT.nx()));
    }

    @Test
    void gradientIsThatOfTheBatchMeanLoss() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        SymmetricArchitecture a = SymmetricArchitecture.linkRegression(PointGroup.c4(), List.of(1), List.of(1));
        MultiLayerNetwork net = a.build(5);
        NetworkSubspaces sp = a.subspaces(Support.FULL);
        INDArray x = links(rng, 6), y = gaussian(rng, 6, 1);
        GradientProbe probe = new GradientProbe(sp, LatticeGroups.c4(LAT), TargetAction.invariant(1));
        Map<String, INDArray> g = probe.gradient(net, x, y, TrainingMode.NOMINAL);
        double h = 1e-6;
        for (String key : List.of("0_W", "0_b", "2_W", "3_W", "3_b")) {
            INDArray p = net.paramTable().get(key);
            INDArray d = gaussian(rng, p.shape());
            p.addi(d.mul(h));
            double up = GradientProbe.loss(net, x, y);
            p.subi(d.mul(2 * h));
            double down = GradientProbe.loss(net, x, y);
            p.addi(d.mul(h));
            double fd = (up - down) / (2 * h);
            double an = g.get(key).mul(d).sumNumber().doubleValue();
            assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(fd)), key + ": finite difference " + fd + " vs analytic " + an);
        }
    }

    @Test
    void augmentedGradientAtAnEquivariantPointIsTheGroupAverageOfTheNominalOne() {
        // grad R_aug(A) = Pi_G grad R(A) for A in H_G (orthogonal representations): the lemma behind claims 2 and 3
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6);
        SymmetricArchitecture a = SymmetricArchitecture.linkRegression(PointGroup.d4(), List.of(1), List.of(1));
        NetworkSubspaces sp = a.subspaces(Support.FULL);
        MultiLayerNetwork net = a.build(2);
        sp.projectOntoIntersection(net, true);
        INDArray x = links(rng, 5), y = gaussian(rng, 5, 1);
        GradientProbe probe = new GradientProbe(sp, LatticeGroups.d4(LAT), TargetAction.invariant(1));
        Map<String, INDArray> aug = probe.gradient(net, x, y, TrainingMode.AUGMENTED);
        Map<String, INDArray> avg = sp.groupAverage(probe.gradient(net, x, y, TrainingMode.NOMINAL));
        Map<String, INDArray> eq = probe.gradient(net, x, y, TrainingMode.EQUIVARIANT);
        double scale = GradientProbe.norm(aug);
        assertTrue(scale > 1e-3);
        assertTrue(GradientProbe.distance(aug, avg) < 1e-13 * scale, "AUG = Pi_G NOM: " + GradientProbe.distance(aug, avg));
        assertTrue(GradientProbe.distance(aug, eq) < 1e-13 * scale, "AUG = EQ on E cap H_G: " + GradientProbe.distance(aug, eq));
        assertTrue(GradientProbe.distance(aug, probe.gradient(net, x, y, TrainingMode.NOMINAL)) > 1e-6 * scale, "NOM differs");
    }

    @Test
    void projectedNetworkIsExactlyInvariant() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4);
        for (PointGroup g : List.of(PointGroup.c4(), PointGroup.d4())) {
            SymmetricArchitecture a = SymmetricArchitecture.linkRegression(g, List.of(1, 1), List.of(1));
            MultiLayerNetwork net = a.build(7);
            NetworkSubspaces sp = a.subspaces(Support.PLUS);
            INDArray x = links(rng, 3);
            LatticeGroup lg = g.order() == 4 ? LatticeGroups.c4(LAT) : LatticeGroups.d4(LAT);
            // a random network is not invariant; its projection onto E cap H_G is, to rounding
            double before = 0, after = 0;
            INDArray y0 = net.output(x);
            for (LatticeSymmetry e : lg.elements()) {
                INDArray gx = FieldAction.applyEach(FieldType.liftedLink(), java.util.Collections.nCopies(3, e), x);
                before = Math.max(before, net.output(gx).sub(y0).amaxNumber().doubleValue());
            }
            sp.projectOntoIntersection(net, true);
            assertTrue(sp.distanceToEquivariant(net).relative() < 1e-14);
            y0 = net.output(x);
            for (LatticeSymmetry e : lg.elements()) {
                INDArray gx = FieldAction.applyEach(FieldType.liftedLink(), java.util.Collections.nCopies(3, e), x);
                after = Math.max(after, net.output(gx).sub(y0).amaxNumber().doubleValue());
            }
            assertTrue(before > 1e-4, g.name() + ": random network changes under G by " + before);
            assertTrue(after < 1e-12, g.name() + ": projected network changes under G by " + after);
        }
    }
}
