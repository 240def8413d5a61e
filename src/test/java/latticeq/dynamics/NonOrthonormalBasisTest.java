package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.symmetry.KernelShape;
import latticeq.symmetry.PointGroup;
import latticeq.symmetry.SupportMask;
import latticeq.train.TrainingMode;
import org.junit.jupiter.api.Test;

/** The second theorem's second hypothesis: compatibility is not enough without an orthonormal parametrization. */
class NonOrthonormalBasisTest {

    @Test
    void theMapIsSymmetricPositiveOnTheSupportAndPiEWithoutSpread() {
        KernelShape shape = new KernelShape(2, 2, 3, 3);
        SupportMask plus = SupportMask.plus(shape);
        NonOrthonormalBasis b = new NonOrthonormalBasis(plus, 7, 0.5);
        int d = shape.size();
        double[][] m = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] e = new double[d];
            e[i] = 1;
            m[i] = b.apply(e);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) assertEquals(m[i][j], m[j][i], 1e-12, "symmetric");
            if (!plus.allowed(i)) assertEquals(0, Math.abs(m[i][i]) + Math.abs(m[i][(i + 1) % d]), 1e-15, "zero off the support");
            else assertTrue(m[i][i] > 0, "positive on the support");
        }
        NonOrthonormalBasis orthonormal = new NonOrthonormalBasis(plus, 7, 0);
        double[] k = new double[d];
        for (int i = 0; i < d; i++) k[i] = i - 3.5;
        assertArrayEquals(plus.apply(k), orthonormal.apply(k), 1e-15, "spread 0 is Pi_E");
        assertThrows(IllegalArgumentException.class, () -> new NonOrthonormalBasis(plus, 1, -1));
    }

    /**
     * From a point of E cap H_G with a compatible support, orbit-averaged augmented SGD stays on H_G
     * to rounding with the orthonormal parametrization and leaves it with a non-orthonormal one.
     */
    @Test
    void augmentedFlowLeavesTheEquivariantLayersOnlyWithTheNonOrthonormalBasis() {
        LatticeSetup setup = new LatticeSetup(4, 6, PointGroup.c4(), List.of(1), List.of(), 20, 2, 11);
        Variant orthonormal = Variant.sgd(TrainingMode.AUGMENTED, 0.05);
        var c = new InvarianceExperiment.Config(setup, List.of(Support.PLUS), List.of(orthonormal, orthonormal.withRandomBasis(3)),
                25, 5, List.of(1L));
        var r = InvarianceExperiment.run(c, null);
        Trajectory stays = r.runs(Support.PLUS, "AUGMENTED/orbit/SGD").get(0);
        Trajectory leaves = r.runs(Support.PLUS, "AUGMENTED/orbit/SGD/random basis").get(0);
        assertTrue(stays.start() < 1e-15 && leaves.start() < 1e-15, "both start on E cap H_G");
        assertTrue(stays.max() < 1e-12, "orthonormal: " + stays.max());
        assertTrue(leaves.max() > 1e-6, "non-orthonormal: " + leaves.max());
        assertTrue(leaves.loss()[leaves.loss().length - 1] < leaves.loss()[0], "it still trains");
        assertThrows(IllegalArgumentException.class, () -> orthonormal.withRandomBasis(0));
    }
}
