package latticeq.augment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.lattice.Lattice;
import latticeq.symmetry.FieldAction;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.LatticeGroups;
import latticeq.symmetry.LatticeSymmetry;
import latticeq.symmetry.TargetAction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class AugmenterTest {

    static final Lattice L = new Lattice(6, 4);

    static INDArray randomFeatures(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] d = new double[n * 4 * L.volume()];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextInt(7) - 3;
        return Nd4j.create(d, new long[] {n, 4, L.nt(), L.nx()}, DataType.FLOAT);
    }

    static INDArray labels(INDArray f) {
        // n = mean k_t, second column = mean of l (both computed from the features: consistent targets)
        INDArray n = f.get(NDArrayIndex.all(), NDArrayIndex.point(0)).mean(1, 2).reshape(f.size(0), 1);
        INDArray l = f.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4)).mul(f.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4)))
                .mean(1, 2, 3).reshape(f.size(0), 1);
        return Nd4j.hstack(n, l);
    }

    @Test
    void randomAugmentationTransformsFeaturesAndLabelsConsistentlyAndIsSeeded() {
        LatticeGroup g = LatticeGroups.chemicalPotentialSymmetry(L).withTranslations();
        INDArray f = randomFeatures(16, 1), y = labels(f);
        Batch b = new Augmenter(LatticeGroups.d2(L).withTranslations(), FieldType.rawLink(), TargetAction.densityAndPhi2(), 9).random(f, y);
        // labels recomputed from transformed features equal the transformed labels
        assertTrue(labels(b.features()).equalsWithEps(b.labels(), 1e-5));
        for (int i = 0; i < 16; i++) {
            INDArray fi = f.get(NDArrayIndex.interval(i, i + 1));
            assertEquals(FieldAction.of(FieldType.rawLink(), b.elements().get(i)).apply(fi), b.features().get(NDArrayIndex.interval(i, i + 1)));
        }
        Batch b2 = new Augmenter(LatticeGroups.d2(L).withTranslations(), FieldType.rawLink(), TargetAction.densityAndPhi2(), 9).random(f, y);
        assertEquals(b.elements(), b2.elements());
        assertEquals(b.features(), b2.features());
        Batch b3 = new Augmenter(g, FieldType.rawLink(), TargetAction.densityAndPhi2(), 10).random(f, y);
        assertNotEquals(b.elements(), b3.elements());
    }

    @Test
    void orbitBatchHoldsEveryElementAndGivesTheOrbitAveragedLoss() {
        LatticeGroup g = LatticeGroups.d2(L);
        INDArray f = randomFeatures(3, 2), y = labels(f);
        Batch b = Augmenter.orbit(g, FieldType.rawLink(), TargetAction.densityAndPhi2(), f, y);
        assertEquals(12, b.size());
        List<LatticeSymmetry> els = g.elements();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                int row = i * 4 + j;
                assertEquals(els.get(j), b.elements().get(row));
                assertEquals(FieldAction.of(FieldType.rawLink(), els.get(j)).apply(f.get(NDArrayIndex.interval(i, i + 1))),
                        b.features().get(NDArrayIndex.interval(row, row + 1)));
                assertEquals(TargetAction.densityAndPhi2().apply(els.get(j), y.get(NDArrayIndex.interval(i, i + 1))),
                        b.labels().get(NDArrayIndex.interval(row, row + 1)));
            }
        }
        // a non-equivariant predictor: mean squared error over the batch = orbit-averaged loss, term by term
        INDArray w = Nd4j.linspace(-1, 1, 4 * L.volume(), DataType.DOUBLE).reshape(4 * L.volume(), 1);
        java.util.function.Function<INDArray, INDArray> pred = x -> x.castTo(DataType.DOUBLE).reshape(x.size(0), 4 * L.volume()).mmul(w);
        double batchLoss = pred.apply(b.features()).sub(b.labels().castTo(DataType.DOUBLE).getColumn(0).reshape(12, 1))
                .norm2Number().doubleValue();
        double orbitLoss = 0;
        for (int i = 0; i < 3; i++) {
            for (LatticeSymmetry e : els) {
                INDArray gx = FieldAction.of(FieldType.rawLink(), e).apply(f.get(NDArrayIndex.interval(i, i + 1)));
                double gy = TargetAction.densityAndPhi2().apply(e, y.get(NDArrayIndex.interval(i, i + 1))).getDouble(0, 0);
                double r = pred.apply(gx).getDouble(0, 0) - gy;
                orbitLoss += r * r;
            }
        }
        assertEquals(orbitLoss, batchLoss * batchLoss, 1e-6 * orbitLoss);
        // plain arrays
        int[] cfg = new int[4 * L.volume()];
        for (int i = 0; i < cfg.length; i++) cfg[i] = i % 5 - 2;
        int[][] orb = Augmenter.orbit(g, FieldType.rawLink(), cfg);
        assertEquals(4, orb.length);
        assertArrayEquals(cfg, orb[0]);
        float[] fb = Augmenter.orbitBatch(g, FieldType.rawLink(), f.dup('c').data().asFloat(), 3);
        assertArrayEquals(b.features().dup('c').data().asFloat(), fb);
    }

    @Test
    void badInputIsRejected() {
        LatticeGroup big = LatticeGroups.translations(new Lattice(80, 80));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Augmenter.orbit(big, FieldType.rawLink(), null, Nd4j.zeros(DataType.FLOAT, 1, 4, 80, 80), null));
        assertTrue(e.getMessage().contains("6400") && e.getMessage().contains("4096"), e.getMessage());
        Augmenter a = new Augmenter(LatticeGroups.d2(L), FieldType.rawLink(), null, 1);
        e = assertThrows(IllegalArgumentException.class, () -> a.random(randomFeatures(2, 1), Nd4j.zeros(2, 2)));
        assertTrue(e.getMessage().contains("targetAction = null"), e.getMessage());
    }
}
