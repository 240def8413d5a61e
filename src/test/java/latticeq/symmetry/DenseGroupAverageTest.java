package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class DenseGroupAverageTest {

    static double[] matVec(KernelShape s, double[] a, double[] x) {
        double[] y = new double[s.cOut()];
        for (int i = 0; i < s.cOut(); i++) for (int j = 0; j < s.cIn(); j++) y[i] += a[i * s.cIn() + j] * x[j];
        return y;
    }

    @Test
    void projectedDenseMapsAreEquivariantAndProjectionsAreOrthogonal() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        Lattice L = new Lattice(4, 4);
        for (LatticeGroup g : List.of(LatticeGroups.c4(L), LatticeGroups.d4(L).withTranslations(), LatticeGroups.centred(L, PointGroup.c4()))) {
            FieldType in = FieldType.rawLink(), out = FieldType.scalar(2);
            DenseGroupAverage p = DenseGroupAverage.onFields(g, in, out);
            ProjectionsTest.assertOrthogonalProjection(p, rng, 1e-13);
            double[] a = p.apply(Fields.gaussian(rng, p.shape().size()));
            double[] raw = Fields.gaussian(rng, p.shape().size());
            double[] x = Fields.gaussian(rng, in.channels() * L.volume());
            double worstRaw = 0;
            for (LatticeSymmetry e : g.elements()) {
                double[] lhs = matVec(p.shape(), a, FieldAction.of(in, e).apply(x));
                double[] rhs = FieldAction.of(out, e).apply(matVec(p.shape(), a, x));
                assertTrue(Fields.maxAbsDiff(lhs, rhs) < 1e-12, g + " " + e);
                worstRaw = Math.max(worstRaw, Fields.maxAbsDiff(matVec(p.shape(), raw, FieldAction.of(in, e).apply(x)),
                        FieldAction.of(out, e).apply(matVec(p.shape(), raw, x))));
            }
            assertTrue(worstRaw > 1e-2);
            // the generic orbit basis agrees with the group average
            assertArrayEquals(p.apply(raw), Projections.intersection(p, null).apply(raw), 1e-13);
        }
    }

    /** "Convolutional inside all linear maps": translation-averaged dense maps are periodic convolutions. */
    @Test
    void translationAverageGivesCirculantMaps() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2);
        Lattice L = new Lattice(3, 4);
        DenseGroupAverage p = DenseGroupAverage.onFields(LatticeGroups.translations(L), FieldType.scalar(1), FieldType.scalar(1));
        double[] a = p.apply(Fields.gaussian(rng, p.shape().size()));
        int v = L.volume();
        // A[q][p] depends only on p - q: it is a full-size periodic convolution kernel
        for (int q = 0; q < v; q++) {
            for (int s = 0; s < v; s++) {
                // A[q][q + d] = A[0][d]
                assertEquals(a[s], a[q * v + L.site(L.t(q) + L.t(s), L.x(q) + L.x(s))], 1e-14);
            }
        }
        // dimension of the circulant space = V
        assertEquals(v, Projections.intersection(p, null).dimension());
        // a local (nearest-neighbour) support mask inside the dense maps is translation invariant: compatible
        boolean[] near = new boolean[v * v];
        for (int q = 0; q < v; q++) {
            near[q * v + q] = true;
            for (int nu = 0; nu < 2; nu++) {
                near[q * v + L.forward(q, nu)] = true;
                near[q * v + L.backward(q, nu)] = true;
            }
        }
        SupportMask local = SupportMask.ofEntries(p.shape(), near, "nearest neighbours");
        assertTrue(Projections.commutatorNorm(p, local) < 1e-12);
        boolean[] firstRows = new boolean[v * v];
        for (int e = 0; e < 2 * v; e++) firstRows[e] = true;
        assertTrue(Projections.commutatorNorm(p, SupportMask.ofEntries(p.shape(), firstRows, "rows 0-1")) > 0.1);
    }

    @Test
    void channelOnlyMapsAfterPooling() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        PointGroup d4 = PointGroup.d4();
        DenseGroupAverage p = DenseGroupAverage.onChannels(d4, FieldType.regular(d4, 2), FieldType.scalar(3));
        double[] a = p.apply(Fields.gaussian(rng, p.shape().size()));
        // invariant output from regular input: each row is constant over the 8 channels of each copy
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 2; c++) {
                for (int j = 1; j < 8; j++) assertEquals(a[i * 16 + c * 8], a[i * 16 + c * 8 + j], 1e-14);
            }
        }
        assertEquals(6, Projections.intersection(p, null).dimension());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseGroupAverage.onChannels(d4, FieldType.rawLink(), FieldType.scalar(1)));
        assertTrue(e.getMessage().contains("LinkLift"), e.getMessage());
    }
}
