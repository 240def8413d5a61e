package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FieldActionTest {

    static final PointGroup D4_C = PointGroup.generatedBy("D4xC", PointElement.ROT90, PointElement.R_X, PointElement.C);
    static final PointGroup D2_C = PointGroup.generatedBy("D2xC", PointElement.R_T, PointElement.R_X, PointElement.C);

    /** Each point element of the group with a random shift, so products mix translations and point parts. */
    static List<LatticeSymmetry> mixedElements(Lattice lat, PointGroup pg, UniformRandomProvider rng) {
        List<LatticeSymmetry> list = new ArrayList<>();
        for (PointElement p : pg.elements()) {
            list.add(new LatticeSymmetry(lat, p, 0, 0));
            list.add(new LatticeSymmetry(lat, p, rng.nextInt(lat.nt()), rng.nextInt(lat.nx())));
        }
        return list;
    }

    static double homomorphismError(FieldType type, List<LatticeSymmetry> els, UniformRandomProvider rng) {
        Lattice lat = els.get(0).lattice();
        double worst = 0;
        double[] x = Fields.gaussian(rng, type.channels() * lat.volume());
        for (LatticeSymmetry g : els) {
            double[] gx = FieldAction.of(type, g).apply(x);
            for (LatticeSymmetry h : els) {
                double[] ghx = FieldAction.of(type, g).apply(FieldAction.of(type, h).apply(x));
                worst = Math.max(worst, Fields.maxAbsDiff(ghx, FieldAction.of(type, g.compose(h)).apply(x)));
            }
            worst = Math.max(worst, Fields.maxAbsDiff(x, FieldAction.of(type, g.inverse()).apply(gx)));
        }
        return worst;
    }

    @Test
    void actionIsAHomomorphismForEveryFieldTypeAndPair() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        Lattice sq = new Lattice(5, 5), rect = new Lattice(4, 6);
        List<FieldType> types = List.of(FieldType.scalar(2), FieldType.of(ChannelRepresentation.CHARGE_ODD), FieldType.rawLink(),
                FieldType.liftedLink(), FieldType.rawLink().concat(FieldType.scalar(1)));
        for (FieldType type : types) {
            assertEquals(0.0, homomorphismError(type, mixedElements(sq, D4_C, rng), rng), type.toString());
            assertEquals(0.0, homomorphismError(type, mixedElements(rect, D2_C, rng), rng), type.toString());
            assertEquals(0.0, homomorphismError(type, LatticeGroups.translations(rect).elements(), rng), type.toString());
        }
        FieldType reg = FieldType.regular(PointGroup.d4(), 2);
        assertEquals(0.0, homomorphismError(reg, mixedElements(sq, PointGroup.d4(), rng), rng));
    }

    /** The raw-link actions written out by hand from how k and l links move (oriented k, reversed links shift by one site), independently of FieldAction. */
    static int[] docAction(Lattice L, String which, int[] f, int a, int b) {
        int v = L.volume();
        int[] o = new int[4 * v];
        for (int s = 0; s < L.nt(); s++) {
            for (int y = 0; y < L.nx(); y++) {
                int q = L.site(s, y);
                switch (which) {
                    case "T" -> {
                        for (int c = 0; c < 4; c++) o[c * v + q] = f[c * v + L.site(s - a, y - b)];
                    }
                    case "Rt" -> {
                        o[q] = -f[L.site(-s - 1, y)];
                        o[2 * v + q] = f[2 * v + L.site(-s - 1, y)];
                        o[v + q] = f[v + L.site(-s, y)];
                        o[3 * v + q] = f[3 * v + L.site(-s, y)];
                    }
                    case "Rx" -> {
                        o[v + q] = -f[v + L.site(s, -y - 1)];
                        o[3 * v + q] = f[3 * v + L.site(s, -y - 1)];
                        o[q] = f[L.site(s, -y)];
                        o[2 * v + q] = f[2 * v + L.site(s, -y)];
                    }
                    case "C" -> {
                        for (int c = 0; c < 4; c++) o[c * v + q] = (c < 2 ? -1 : 1) * f[c * v + q];
                    }
                    case "r" -> {
                        o[v + q] = f[L.site(y, -s)];
                        o[3 * v + q] = f[2 * v + L.site(y, -s)];
                        o[q] = -f[v + L.site(y, -s - 1)];
                        o[2 * v + q] = f[3 * v + L.site(y, -s - 1)];
                    }
                    default -> throw new AssertionError(which);
                }
            }
        }
        return o;
    }

    @Test
    void rawLinkActionMatchesTheSymmetryNote() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2);
        Lattice L = new Lattice(6, 6);
        int[] f = Fields.divergenceFreeConfig(L, rng);
        FieldType raw = FieldType.rawLink();
        assertArrayEquals(docAction(L, "T", f, 2, 5), FieldAction.of(raw, LatticeSymmetry.translation(L, 2, 5)).apply(f));
        assertArrayEquals(docAction(L, "Rt", f, 0, 0), FieldAction.of(raw, LatticeSymmetry.of(L, PointElement.R_T)).apply(f));
        assertArrayEquals(docAction(L, "Rx", f, 0, 0), FieldAction.of(raw, LatticeSymmetry.of(L, PointElement.R_X)).apply(f));
        assertArrayEquals(docAction(L, "C", f, 0, 0), FieldAction.of(raw, LatticeSymmetry.of(L, PointElement.C)).apply(f));
        assertArrayEquals(docAction(L, "r", f, 0, 0), FieldAction.of(raw, LatticeSymmetry.of(L, PointElement.ROT90)).apply(f));
        // scalar fields: (g.s)(p) = s(g^-1 p), no sign
        int[] s = new int[L.volume()];
        for (int i = 0; i < s.length; i++) s[i] = rng.nextInt(100);
        LatticeSymmetry g = new LatticeSymmetry(L, new PointElement(D4.ROT270, true), 1, 4);
        int[] gs = FieldAction.of(FieldType.scalar(1), g).apply(s);
        for (int p = 0; p < s.length; p++) assertEquals(s[p], gs[g.mapSite(p)]);
    }

    @Test
    void divergenceFxAndDensityBehaveAsTheNoteSays() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        for (Lattice L : List.of(new Lattice(6, 6), new Lattice(8, 4))) {
            PointGroup pg = L.isSquare() ? D4_C : D2_C;
            for (int trial = 0; trial < 5; trial++) {
                int[] f = Fields.divergenceFreeConfig(L, rng);
                for (int p = 0; p < L.volume(); p++) assertEquals(0, Fields.divergence(L, f, p));
                int kt = Fields.sumKt(L, f);
                for (LatticeSymmetry g : mixedElements(L, pg, rng)) {
                    int[] gf = FieldAction.of(FieldType.rawLink(), g).apply(f);
                    for (int p = 0; p < L.volume(); p++) {
                        assertEquals(0, Fields.divergence(L, gf, p), "div at " + p + " after " + g);
                        assertEquals(Fields.fx(L, f, p), Fields.fx(L, gf, g.mapSite(p)), "f_x after " + g);
                    }
                    for (int i = 2 * L.volume(); i < 4 * L.volume(); i++) assertTrue(gf[i] >= 0);
                    if (g.point().matrix().preservesAxes()) {
                        int expected = TargetParity.CHARGE_DENSITY.sign(g.point()) * kt;
                        assertEquals(expected, Fields.sumKt(L, gf), "n after " + g);
                        double n = kt / (double) L.volume();
                        assertEquals(expected / (double) L.volume(), TargetAction.densityAndPhi2().apply(g, new double[] {n, 0.7})[0], 1e-15);
                        assertEquals(0.7, TargetAction.densityAndPhi2().apply(g, new double[] {n, 0.7})[1]);
                    }
                }
            }
        }
        // the density really flips under R_t and C and not under C R_t, for a config with winding
        assertEquals(-1, TargetParity.CHARGE_DENSITY.sign(PointElement.R_T));
        assertEquals(-1, TargetParity.CHARGE_DENSITY.sign(PointElement.C));
        assertEquals(1, TargetParity.CHARGE_DENSITY.sign(PointElement.C_R_T));
        assertEquals(1, TargetParity.CHARGE_DENSITY.sign(PointElement.R_X));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetParity.CHARGE_DENSITY.sign(PointElement.ROT90));
        assertTrue(e.getMessage().contains("swaps"), e.getMessage());
    }

    @Test
    void liftIsEquivariantAndSiteCentred() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4);
        Lattice L = new Lattice(5, 5);
        double[] raw = Fields.gaussian(rng, 4 * L.volume());
        for (LatticeSymmetry g : mixedElements(L, D4_C, rng)) {
            double[] a = LinkLift.lift(L, FieldAction.of(FieldType.rawLink(), g).apply(raw));
            double[] b = FieldAction.of(FieldType.liftedLink(), g).apply(LinkLift.lift(L, raw));
            assertArrayEquals(b, a, 0.0, "lift(g raw) != g lift(raw) for " + g);
        }
        assertArrayEquals(raw, LinkLift.drop(L, LinkLift.lift(L, raw)), 0.0);
        assertTrue(FieldType.liftedLink().siteCentred());
        assertFalse(FieldType.rawLink().siteCentred());
        INDArray batch = Nd4j.create(LinkLift.liftBatch(L, raw, 1), new long[] {1, 8, 5, 5}, DataType.DOUBLE);
        INDArray lifted = LinkLift.lift(Nd4j.create(raw, new long[] {1, 4, 5, 5}, DataType.DOUBLE));
        assertEquals(batch, lifted);
    }

    @Test
    void ndArrayBatchesMatchPlainArraysInEveryDataType() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        Lattice L = new Lattice(6, 4);
        FieldType raw = FieldType.rawLink();
        int n = 3, s = 4 * L.volume();
        double[] data = Fields.gaussian(rng, n * s);
        LatticeSymmetry g = new LatticeSymmetry(L, PointElement.C_R_T, 2, 1);
        double[] expected = FieldAction.of(raw, g).applyBatch(data, n);
        INDArray d = Nd4j.create(data, new long[] {n, 4, 6, 4}, DataType.DOUBLE);
        INDArray gd = FieldAction.of(raw, g).apply(d);
        assertEquals(DataType.DOUBLE, gd.dataType());
        assertArrayEquals(expected, gd.dup('c').data().asDouble(), 0.0);
        INDArray f = d.castTo(DataType.FLOAT);
        INDArray gf = FieldAction.of(raw, g).apply(f);
        assertEquals(DataType.FLOAT, gf.dataType());
        assertEquals(gd.castTo(DataType.FLOAT), gf);
        // a strided view (every second sample) is handled
        INDArray view = Nd4j.create(DataType.DOUBLE, 2 * n, 4, 6, 4);
        for (int i = 0; i < n; i++) view.slice(2L * i).assign(d.slice(i));
        INDArray sub = view.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2, 2 * n));
        assertEquals(gd, FieldAction.of(raw, g).apply(sub));
        // integer batches keep their type and values
        INDArray ints = Nd4j.create(new double[] {16_777_217, -3, 5, 7}, new long[] {1, 1, 2, 2}, DataType.DOUBLE).castTo(DataType.INT32);
        INDArray gi = FieldAction.of(FieldType.scalar(1), LatticeSymmetry.translation(new Lattice(2, 2), 1, 0)).apply(ints);
        assertEquals(DataType.INT32, gi.dataType());
        assertEquals(16_777_217, gi.getInt(0, 0, 1, 0));
        // per-sample elements
        List<LatticeSymmetry> els = List.of(g, LatticeSymmetry.identity(L), LatticeSymmetry.of(L, PointElement.R_X));
        INDArray each = FieldAction.applyEach(raw, els, d);
        for (int i = 0; i < n; i++) {
            assertEquals(FieldAction.of(raw, els.get(i)).apply(d.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1))),
                    each.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)));
        }
        // float and int arrays
        float[] fl = new float[s];
        int[] in = new int[s];
        for (int i = 0; i < s; i++) {
            fl[i] = (float) data[i];
            in[i] = (int) Math.round(10 * data[i]);
        }
        float[] gfl = FieldAction.of(raw, g).apply(fl);
        int[] gin = FieldAction.of(raw, g).apply(in);
        for (int i = 0; i < s; i++) {
            assertEquals((float) expected[i], gfl[i]);
            assertEquals(Math.round(10 * expected[i]), gin[i]);
        }
    }

    @Test
    void badInputNamesTheValueAndTheAllowedRange() {
        Lattice L = new Lattice(6, 4);
        LatticeSymmetry g = LatticeSymmetry.of(L, PointElement.R_T);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldAction.of(FieldType.rawLink(), g).apply(Nd4j.zeros(DataType.FLOAT, 2, 3, 6, 4)));
        assertTrue(e.getMessage().contains("3 channels") && e.getMessage().contains("exactly 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FieldAction.of(FieldType.rawLink(), g).apply(Nd4j.zeros(DataType.FLOAT, 2, 4, 4, 6)));
        assertTrue(e.getMessage().contains("4x6") && e.getMessage().contains("N_t = 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FieldAction.of(FieldType.rawLink(), g).apply(new double[10]));
        assertTrue(e.getMessage().contains("length 10") && e.getMessage().contains("96"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FieldAction.of(FieldType.rawLink(), g).apply(Nd4j.zeros(DataType.FLOAT, 4, 6, 4)));
        assertTrue(e.getMessage().contains("rank 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FieldType.regular(PointGroup.c4(), 1).map(PointElement.R_X));
        assertTrue(e.getMessage().contains("not in group C4"), e.getMessage());
    }

    @Test
    void windingClassLabelsSwapUnderTimeReversal() {
        TargetAction w = TargetAction.windingClasses(2); // W = -2..2
        double[] oneHot = {0, 0, 0, 1, 0}; // W = +1
        assertArrayEquals(new double[] {0, 1, 0, 0, 0}, w.apply(PointElement.R_T, oneHot));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0}, w.apply(PointElement.C, oneHot));
        assertArrayEquals(oneHot, w.apply(PointElement.C_R_T, oneHot));
        assertArrayEquals(oneHot, w.apply(PointElement.R_X, oneHot));
        assertTrue(TargetAction.invariant(3).isInvariant());
        assertFalse(TargetAction.densityAndPhi2().isInvariant());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.apply(PointElement.R_T, new double[3]));
        assertTrue(e.getMessage().contains("length 3") && e.getMessage().contains("need 5"), e.getMessage());
    }

    @Test
    void signFlippingChannels() {
        assertTrue(FieldType.liftedLink().isPermutation(PointGroup.trivial()));
        assertFalse(FieldType.liftedLink().isPermutation(PointGroup.d2()));
        assertArrayEquals(new boolean[] {true, true, true, true, false, false, false, false}, FieldType.liftedLink().signFlipping(PointGroup.d4()));
        assertArrayEquals(new boolean[] {true, true, false, false}, FieldType.rawLink().signFlipping(PointGroup.chargeConjugation()));
        assertTrue(FieldType.regular(PointGroup.d4(), 2).isPermutation(PointGroup.d4()));
        assertTrue(FieldType.of(ChannelRepresentation.CHARGE_ODD).isPermutation(PointGroup.d4()));
        assertFalse(FieldType.of(ChannelRepresentation.CHARGE_ODD).isPermutation(PointGroup.chemicalPotentialSymmetry()));
    }
}
