package latticeq.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import latticeq.lattice.Lattice;
import latticeq.symmetry.BatchAction;
import latticeq.symmetry.EquivarianceCheck;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.LatticeGroups;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AMSGrad;

/** EQ / ST / FL networks: translation (in)variance with the shared harness, sizes, bad input, save/load. */
class ModelFamiliesTest {

    static final List<Integer> CH = List.of(6, 5), K = List.of(3, 2), DENSE = List.of(8);

    static EquivarianceCheck.Result translationCheck(MultiLayerNetwork net, DataType dt, int nt, int nx, double tol) {
        return EquivarianceCheck.check(x -> net.output(x, false), LatticeGroups.translations(new Lattice(nt, nx)),
                BatchAction.field(FieldType.rawLink()), BatchAction.invariant(),
                EquivarianceCheck.gaussianInputs(dt, 3, 4, nt, nx), 6, 11L, tol);
    }

    @Test
    void eqIsTranslationInvariantInFloatAndDouble() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tol = dt == DataType.FLOAT ? 1e-5 : 1e-10;
            MultiLayerNetwork net = NetworkBuilder.build(ArchitectureSpec.eq(CH, K, DENSE, 2), 3, new AMSGrad(1e-2), 0, dt);
            for (int[] size : new int[][] {{12, 4}, {7, 5}, {10, 2}}) {
                EquivarianceCheck.Result r = translationCheck(net, dt, size[0], size[1], tol);
                System.out.println("EQ " + dt + " " + size[0] + "x" + size[1] + ": " + r);
                assertTrue(r.passed(), r.toString());
            }
        }
    }

    @Test
    void stAndFlAreNotTranslationInvariant() {
        MultiLayerNetwork st = NetworkBuilder.build(ArchitectureSpec.st(CH, K, DENSE, 2, 2), 3, new AMSGrad(1e-2), 0, DataType.DOUBLE);
        EquivarianceCheck.Result r = translationCheck(st, DataType.DOUBLE, 12, 4, 1e-10);
        System.out.println("ST: " + r);
        assertTrue(r.maxRelativeError() > 1e-4, r.toString());
        MultiLayerNetwork fl = NetworkBuilder.build(ArchitectureSpec.fl(CH, K, DENSE, 2, 12, 4), 3, new AMSGrad(1e-2), 0, DataType.DOUBLE);
        r = translationCheck(fl, DataType.DOUBLE, 12, 4, 1e-10);
        System.out.println("FL: " + r);
        assertTrue(r.maxRelativeError() > 1e-4, r.toString());
    }

    @Test
    void eqAndStRunOnEveryPaperLatticeSizeFlOnlyOnItsOwn() {
        LatticeModel eq = new LatticeModel(ArchitectureSpec.paperDefault(), NetworkBuilder.build(ArchitectureSpec.paperDefault(), 1), Map.of());
        LatticeModel st = new LatticeModel(ArchitectureSpec.st(CH, K, DENSE, 2, 2),
                NetworkBuilder.build(ArchitectureSpec.st(CH, K, DENSE, 2, 2), 1), Map.of());
        for (int[] s : new int[][] {{50, 2}, {60, 4}, {100, 5}, {125, 8}, {200, 10}}) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4, s[0], s[1]);
            assertArrayEquals(new long[] {2, 2}, eq.predict(x).shape());
            assertArrayEquals(new long[] {2, 2}, st.predict(x).shape());
        }
        ArchitectureSpec flSpec = ArchitectureSpec.fl(CH, K, DENSE, 2, 60, 4);
        LatticeModel fl = new LatticeModel(flSpec, NetworkBuilder.build(flSpec, 1), Map.of());
        assertArrayEquals(new long[] {2, 2}, fl.predict(Nd4j.rand(DataType.FLOAT, 2, 4, 60, 4)).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fl.predict(Nd4j.rand(DataType.FLOAT, 2, 4, 50, 2)));
        assertTrue(e.getMessage().contains("lattice = 50x2") && e.getMessage().contains("60x4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> eq.predict(Nd4j.rand(DataType.FLOAT, 2, 3, 60, 4)));
        assertTrue(e.getMessage().contains("input channels = 3") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void specRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> ArchitectureSpec.eq(List.of(), List.of(), DENSE, 2));
        assertThrows(IllegalArgumentException.class, () -> ArchitectureSpec.eq(List.of(4, 4, 4, 4), List.of(3, 3, 3, 3), DENSE, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArchitectureSpec.eq(List.of(4), List.of(4), DENSE, 2));
        assertTrue(e.getMessage().contains("kernel size = 4") && e.getMessage().contains("1..3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArchitectureSpec.st(CH, K, DENSE, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ArchitectureSpec.fl(CH, K, DENSE, 2, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> ArchitectureSpec.eq(CH, K, DENSE, 1).withHead(Head.CLASSIFICATION, 1));
    }

    @Test
    void sameSeedSameWeightsAndLoadedModelPredictsTheSame(@TempDir Path dir) throws Exception {
        ArchitectureSpec spec = ArchitectureSpec.eq(CH, K, DENSE, 2);
        MultiLayerNetwork a = NetworkBuilder.build(spec, 5), b = NetworkBuilder.build(spec, 5), c = NetworkBuilder.build(spec, 6);
        assertEquals(a.params(), b.params());
        assertNotEquals(a.params(), c.params());
        LatticeModel m = new LatticeModel(spec, a, Map.of("seed", "5"));
        Path f = dir.resolve("m.zip");
        m.save(f);
        LatticeModel back = LatticeModel.load(f);
        assertEquals(spec, back.spec());
        assertEquals("5", back.provenance().get("seed"));
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4, 9, 3);
        assertEquals(m.predict(x), back.predict(x));
    }
}
