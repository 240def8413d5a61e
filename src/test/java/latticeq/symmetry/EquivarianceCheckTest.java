package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Function;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class EquivarianceCheckTest {

    static final Lattice L = new Lattice(6, 6);

    /** tanh(periodic conv) on an NCHW batch, computed by the plain reference convolution. */
    static Function<INDArray, INDArray> convLayer(KernelShape s, double[] k) {
        return x -> {
            int n = (int) x.size(0), v = L.volume();
            double[] in = x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double[] out = new double[n * s.cOut() * v];
            for (int i = 0; i < n; i++) {
                double[] xi = java.util.Arrays.copyOfRange(in, i * s.cIn() * v, (i + 1) * s.cIn() * v);
                System.arraycopy(Fields.conv(L, s, k, xi), 0, out, i * s.cOut() * v, s.cOut() * v);
            }
            return Transforms.tanh(Nd4j.create(out, new long[] {n, s.cOut(), L.nt(), L.nx()}, DataType.DOUBLE));
        };
    }

    @Test
    void passesForAnEquivariantMapAndFailsForAGenericOne() {
        FieldType in = FieldType.liftedLink(), out = FieldType.regular(PointGroup.d4(), 1);
        KernelShape s = new KernelShape(8, 8, 3, 3);
        double[] raw = Fields.gaussian(RandomSource.XO_RO_SHI_RO_128_PP.create(1), s.size());
        double[] eq = Projections.groupAverage(PointGroup.d4(), s, in, out).apply(raw);
        LatticeGroup group = LatticeGroups.d4(L).withTranslations();
        EquivarianceCheck.InputSampler inputs = EquivarianceCheck.gaussianInputs(DataType.DOUBLE, 2, 8, 6, 6);
        EquivarianceCheck.Result good = EquivarianceCheck.check(convLayer(s, eq), group, BatchAction.field(in), BatchAction.field(out),
                inputs, 10, 42, 1e-12);
        assertTrue(good.passed(), good.toString());
        assertTrue(good.maxRelativeError() < 1e-13, good.toString());
        EquivarianceCheck.Result bad = EquivarianceCheck.check(convLayer(s, raw), group, BatchAction.field(in), BatchAction.field(out),
                inputs, 10, 42, 1e-6);
        assertFalse(bad.passed(), bad.toString());
        assertTrue(bad.maxRelativeError() > 0.1, bad.toString());
        System.out.println("lifted links -> regular(D4), 3x3, tanh, T x| D4 on 6x6: projected " + good + "; unprojected " + bad);
        // the unprojected conv is still translation equivariant: the harness must say so
        EquivarianceCheck.Result trans = EquivarianceCheck.checkAllElements(convLayer(s, raw), LatticeGroups.translations(L),
                BatchAction.field(in), BatchAction.field(out), inputs, 7, 1e-12);
        assertTrue(trans.passed(), trans.toString());
        assertEquals(36, trans.trials());
        // same seed -> same result
        assertEquals(bad, EquivarianceCheck.check(convLayer(s, raw), group, BatchAction.field(in), BatchAction.field(out), inputs, 10, 42, 1e-6));
    }

    @Test
    void invariantOutputsAndTargets() {
        FieldType in = FieldType.rawLink();
        LatticeGroup group = LatticeGroups.chemicalPotentialSymmetry(new Lattice(6, 4)).withTranslations();
        EquivarianceCheck.InputSampler inputs = EquivarianceCheck.gaussianInputs(DataType.FLOAT, 3, 4, 6, 4);
        // (mean k_t, mean of squares): the first flips under C R_t? no: invariant under the whole mu != 0 group
        Function<INDArray, INDArray> f = x -> Nd4j.hstack(x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0)).mean(1, 2).reshape(x.size(0), 1), x.mul(x).mean(1, 2, 3).reshape(x.size(0), 1));
        EquivarianceCheck.Result r = EquivarianceCheck.check(f, group, BatchAction.field(in), BatchAction.targets(TargetAction.densityAndPhi2()),
                inputs, 20, 3, 1e-6);
        assertTrue(r.passed(), r.toString());
        assertTrue(EquivarianceCheck.check(f, group, BatchAction.field(in), BatchAction.invariant(), inputs, 20, 3, 1e-6).passed());
        // under D2 (contains R_t, which flips n) the invariant claim fails but the (n, |phi|^2) action holds
        LatticeGroup d2 = LatticeGroups.d2(new Lattice(6, 4));
        assertFalse(EquivarianceCheck.check(f, d2, BatchAction.field(in), BatchAction.invariant(), inputs, 20, 3, 1e-6).passed());
        assertTrue(EquivarianceCheck.check(f, d2, BatchAction.field(in), BatchAction.targets(TargetAction.densityAndPhi2()), inputs, 20, 3, 1e-6).passed());
    }
}
