package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ProjectionsTest {

    static final KernelShape S3 = new KernelShape(2, 3, 3, 3);

    static void assertOrthogonalProjection(KernelProjection p, UniformRandomProvider rng, double tol) {
        int d = p.shape().size();
        for (int t = 0; t < 5; t++) {
            double[] a = Fields.gaussian(rng, d), b = Fields.gaussian(rng, d);
            double[] pa = p.apply(a);
            assertTrue(Fields.maxAbsDiff(pa, p.apply(pa)) <= tol, "idempotence of " + p);
            double lhs = Kernels.dot(pa, b), rhs = Kernels.dot(a, p.apply(b));
            assertEquals(lhs, rhs, tol, "self-adjointness of " + p);
            // in-place use allowed by the contract
            double[] c = a.clone();
            p.apply(c, c);
            assertArrayEquals(pa, c, tol);
        }
    }

    @Test
    void projectionsAreIdempotentAndSelfAdjoint() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        FieldType in = FieldType.scalar(3), out = FieldType.scalar(2);
        for (PointGroup g : List.of(PointGroup.c4(), PointGroup.d4(), PointGroup.d2())) {
            KernelGroupAverage pg = Projections.groupAverage(g, S3, in, out);
            assertOrthogonalProjection(pg, rng, 1e-13);
            for (SupportMask m : List.of(SupportMask.full(S3), SupportMask.plus(S3), SupportMask.topRows(S3), SupportMask.lShape(S3))) {
                assertOrthogonalProjection(m, rng, 0);
                assertOrthogonalProjection(Projections.intersection(pg, m), rng, 1e-13);
            }
        }
        KernelShape lifted = new KernelShape(8, 8, 3, 3);
        assertOrthogonalProjection(Projections.groupAverage(PointGroup.generatedBy("D4xC", PointElement.ROT90, PointElement.R_X, PointElement.C),
                lifted, FieldType.liftedLink(), FieldType.liftedLink()), rng, 1e-13);
        assertOrthogonalProjection(Projections.groupAverage(PointGroup.d4(), new KernelShape(8, 8, 3, 3), FieldType.liftedLink(),
                FieldType.regular(PointGroup.d4(), 1)), rng, 1e-13);
    }

    @Test
    void commutatorVanishesExactlyForInvariantSupportsAndNotOtherwise() {
        FieldType in = FieldType.scalar(3), out = FieldType.scalar(2);
        for (PointGroup g : List.of(PointGroup.c4(), PointGroup.d4())) {
            KernelGroupAverage pg = Projections.groupAverage(g, S3, in, out);
            assertTrue(Projections.commutatorNorm(pg, SupportMask.full(S3)) < 1e-12);
            assertTrue(Projections.commutatorNorm(pg, SupportMask.plus(S3)) < 1e-12);
            assertTrue(Projections.isCompatible(pg, SupportMask.plus(S3), 1e-12));
            assertTrue(Projections.commutatorNorm(pg, SupportMask.topRows(S3)) > 0.1, g.name());
            assertTrue(Projections.commutatorNorm(pg, SupportMask.lShape(S3)) > 0.1, g.name());
            assertFalse(Projections.isCompatible(pg, SupportMask.lShape(S3), 1e-12));
            double spec = Projections.commutatorSpectralNorm(pg, SupportMask.lShape(S3), 200, 5);
            assertTrue(spec > 0.1 && spec <= 0.5 + 1e-12, "spectral norm " + spec);
        }
        // regular hidden representations and lifted links: still compatible with the square support
        KernelGroupAverage pl = Projections.groupAverage(PointGroup.d4(), new KernelShape(8, 8, 3, 3), FieldType.liftedLink(),
                FieldType.regular(PointGroup.d4(), 1));
        assertTrue(Projections.commutatorNorm(pl, SupportMask.full(pl.shape())) < 1e-12);
        assertTrue(Projections.commutatorNorm(pl, SupportMask.plus(pl.shape())) < 1e-12);
        assertTrue(Projections.commutatorNorm(pl, SupportMask.lShape(pl.shape())) > 0.1);
    }

    @Test
    void intersectionIsExactAndAgreesWithAlternatingProjections() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2);
        KernelGroupAverage pg = Projections.groupAverage(PointGroup.c4(), S3, FieldType.scalar(3), FieldType.scalar(2));
        // with the full support it is Pi_G itself: C4 on 3x3 has 3 orbits (centre, edges, corners) per channel pair
        IntersectionProjection all = Projections.intersection(pg, null);
        assertEquals(3 * 6, all.dimension());
        double[] k = Fields.gaussian(rng, S3.size());
        assertArrayEquals(pg.apply(k), all.apply(k), 1e-14);
        // compatible: Pi_{E cap H} = Pi_E Pi_G
        SupportMask plus = SupportMask.plus(S3);
        assertEquals(2 * 6, Projections.intersection(pg, plus).dimension());
        assertArrayEquals(plus.apply(pg.apply(k)), Projections.intersection(pg, plus).apply(k), 1e-14);
        // incompatible: the intersection differs from Pi_E Pi_G but matches von Neumann's alternating projections
        SupportMask top = SupportMask.topRows(S3);
        IntersectionProjection inter = Projections.intersection(pg, top);
        assertEquals(6, inter.dimension()); // only the centre orbit lies inside 2x3
        double[] exact = inter.apply(k);
        double[] alt = Projections.alternating(top, pg, 1e-14, 10_000).apply(k);
        assertArrayEquals(exact, alt, 1e-10);
        assertTrue(Fields.maxAbsDiff(exact, top.apply(pg.apply(k))) > 1e-3);
        // the result lies in both subspaces
        assertArrayEquals(exact, pg.apply(exact), 1e-14);
        assertArrayEquals(exact, top.apply(exact), 0);
        SupportMask ell = SupportMask.lShape(S3);
        assertArrayEquals(Projections.alternating(ell, pg, 1e-14, 10_000).apply(k), Projections.intersection(pg, ell).apply(k), 1e-10);
    }

    @Test
    void chargeOddChannelsHaveNoInvariantAtAFixedPoint() {
        // a bias on a C-odd output channel must vanish under a group containing C
        KernelGroupAverage pb = Projections.biasGroupAverage(PointGroup.chemicalPotentialSymmetry(),
                FieldType.of(ChannelRepresentation.TRIVIAL, ChannelRepresentation.CHARGE_ODD));
        assertArrayEquals(new double[] {1.5, 0}, pb.apply(new double[] {1.5, 2.0}), 1e-15);
        assertEquals(1, Projections.intersection(pb, null).dimension());
    }

    /** conv(Pi_G K)(g x) = g conv(Pi_G K)(x) with the plain periodic convolution, for every element. */
    @Test
    void projectedKernelsGiveEquivariantConvolutions() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        Lattice L = new Lattice(6, 6);
        PointGroup d4c = PointGroup.generatedBy("D4xC", PointElement.ROT90, PointElement.R_X, PointElement.C);
        record Case(PointGroup g, FieldType in, FieldType out, int k) {}
        List<Case> cases = List.of(new Case(PointGroup.d4(), FieldType.scalar(2), FieldType.scalar(3), 3),
                new Case(d4c, FieldType.liftedLink(), FieldType.of(ChannelRepresentation.CHARGE_ODD, ChannelRepresentation.TRIVIAL), 3),
                new Case(d4c, FieldType.liftedLink(), FieldType.liftedLink(), 1),
                new Case(PointGroup.d4(), FieldType.liftedLink(), FieldType.regular(PointGroup.d4(), 2), 3),
                new Case(PointGroup.c4(), FieldType.regular(PointGroup.c4(), 1), FieldType.regular(PointGroup.c4(), 1), 5),
                new Case(PointGroup.d2(), FieldType.regular(PointGroup.d2(), 1), FieldType.scalar(2), 3));
        for (Case c : cases) {
            KernelShape s = new KernelShape(c.out.channels(), c.in.channels(), c.k, c.k);
            double[] k = Projections.groupAverage(c.g, s, c.in, c.out).apply(Fields.gaussian(rng, s.size()));
            double[] raw = Fields.gaussian(rng, s.size());
            double[] x = Fields.gaussian(rng, c.in.channels() * L.volume());
            double nonEq = 0;
            for (PointElement p : c.g.elements()) {
                LatticeSymmetry g = new LatticeSymmetry(L, p, rng.nextInt(6), rng.nextInt(6));
                double[] lhs = Fields.conv(L, s, k, FieldAction.of(c.in, g).apply(x));
                double[] rhs = FieldAction.of(c.out, g).apply(Fields.conv(L, s, k, x));
                assertTrue(Fields.maxAbsDiff(lhs, rhs) < 1e-12, c + " " + g + ": " + Fields.maxAbsDiff(lhs, rhs));
                // the kernel action itself: conv_{g.K}(g x) = g conv_K(x)
                double[] gk = KernelAction.apply(s, c.in, c.out, p, raw);
                assertTrue(Fields.maxAbsDiff(Fields.conv(L, s, gk, FieldAction.of(c.in, g).apply(x)),
                        FieldAction.of(c.out, g).apply(Fields.conv(L, s, raw, x))) < 1e-12);
                nonEq = Math.max(nonEq, Fields.maxAbsDiff(Fields.conv(L, s, raw, FieldAction.of(c.in, g).apply(x)),
                        FieldAction.of(c.out, g).apply(Fields.conv(L, s, raw, x))));
            }
            assertTrue(nonEq > 1e-2, "an unprojected kernel must not be equivariant: " + c);
        }
    }

    @Test
    void evenKernelsAreRejectedForReflectionsAndCanBeEmbedded() {
        KernelShape s2 = new KernelShape(1, 1, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Projections.groupAverage(PointGroup.d2(), s2, FieldType.scalar(1), FieldType.scalar(1)));
        assertTrue(e.getMessage().contains("2x2") && e.getMessage().contains("embedCentred"), e.getMessage());
        // charge conjugation alone does not move kernel positions: even kernels are fine
        assertDoesNotThrow(() -> Projections.groupAverage(PointGroup.chargeConjugation(), s2, FieldType.scalar(1), FieldType.scalar(1)));
        // embedding keeps the convolution
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4);
        Lattice L = new Lattice(5, 4);
        for (KernelShape s : List.of(s2, new KernelShape(2, 1, 2, 3), new KernelShape(1, 2, 4, 1))) {
            double[] k = Fields.gaussian(rng, s.size()), x = Fields.gaussian(rng, s.cIn() * L.volume());
            double[] big = Kernels.embedCentred(s, k);
            assertArrayEquals(Fields.conv(L, s, k, x), Fields.conv(L, Kernels.centredShape(s), big, x), 1e-14);
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> Projections.groupAverage(PointGroup.c4(), new KernelShape(1, 1, 3, 1), FieldType.scalar(1), FieldType.scalar(1)));
        assertTrue(e.getMessage().contains("3x1"), e.getMessage());
    }

    @Test
    void shapeAndRepresentationMismatchesThrowClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Projections.groupAverage(PointGroup.c4(), S3, FieldType.scalar(2), FieldType.scalar(2)));
        assertTrue(e.getMessage().contains("cIn = 3") && e.getMessage().contains("2 channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Projections.groupAverage(PointGroup.c4(), new KernelShape(4, 4, 3, 3), FieldType.rawLink(), FieldType.rawLink()));
        assertTrue(e.getMessage().contains("LinkLift"), e.getMessage());
        KernelGroupAverage pg = Projections.groupAverage(PointGroup.c4(), S3, FieldType.scalar(3), FieldType.scalar(2));
        e = assertThrows(IllegalArgumentException.class, () -> pg.apply(new double[5]));
        assertTrue(e.getMessage().contains("length 5") && e.getMessage().contains("54"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Projections.commutatorNorm(pg, SupportMask.full(new KernelShape(1, 1, 3, 3))));
        assertTrue(e.getMessage().contains("shapes differ"), e.getMessage());
    }

    @Test
    void distanceToSubspace() {
        KernelGroupAverage pg = Projections.groupAverage(PointGroup.c4(), new KernelShape(1, 1, 3, 3), FieldType.scalar(1), FieldType.scalar(1));
        double[] k = {0, 0, 0, 0, 0, 0, 0, 0, 1}; // one corner: Pi_G spreads it to 4 corners of 1/4
        SubspaceDistance d = Projections.distanceToSubspace(k, pg);
        assertEquals(Math.sqrt(0.75 * 0.75 + 3 * 0.0625), d.absolute(), 1e-15);
        assertEquals(d.absolute(), d.relative(), 1e-15);
        assertEquals(0, Projections.distanceToSubspace(pg.apply(k), pg).absolute(), 1e-16);
        LayerDistance ld = LayerDistance.of("conv0", k, pg);
        assertEquals("conv0", ld.layer());
        assertEquals(d.absolute(), ld.absolute());
        assertEquals(0, Projections.distanceToSubspace(new double[9], pg).relative());
    }

    @Test
    void appliesToNdArrayWeightsInDl4jLayouts() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        KernelGroupAverage pg = Projections.groupAverage(PointGroup.d4(), S3, FieldType.scalar(3), FieldType.scalar(2));
        double[] k = Fields.gaussian(rng, S3.size());
        org.nd4j.linalg.api.ndarray.INDArray w = org.nd4j.linalg.factory.Nd4j.create(k, new long[] {2, 3, 3, 3},
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
        org.nd4j.linalg.api.ndarray.INDArray pw = Projections.apply(pg, w, false);
        assertEquals(org.nd4j.linalg.api.buffer.DataType.FLOAT, pw.dataType());
        double[] expected = pg.apply(w.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble());
        assertArrayEquals(expected, pw.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble(), 1e-6);
        assertTrue(Projections.distanceToSubspace(pw, pg, false).relative() < 1e-6);
        // dense [in, out] layout
        DenseGroupAverage pd = DenseGroupAverage.onChannels(PointGroup.c4(), FieldType.regular(PointGroup.c4(), 1), FieldType.scalar(2));
        org.nd4j.linalg.api.ndarray.INDArray wd = org.nd4j.linalg.factory.Nd4j.create(Fields.gaussian(rng, 8), new long[] {4, 2},
                org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        org.nd4j.linalg.api.ndarray.INDArray pwd = Projections.apply(pd, wd, true);
        assertArrayEquals(new long[] {4, 2}, pwd.shape());
        for (int j = 0; j < 2; j++) {
            double mean = wd.getColumn(j).meanNumber().doubleValue();
            for (int i = 0; i < 4; i++) assertEquals(mean, pwd.getDouble(i, j), 1e-14);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Projections.apply(pd, wd.transpose().dup(), true));
        assertTrue(e.getMessage().contains("[in, out] = [4, 2]"), e.getMessage());
    }

    @Test
    void layerCommutatorReport() {
        KernelGroupAverage pg = Projections.groupAverage(PointGroup.c4(), new KernelShape(1, 1, 3, 3), FieldType.scalar(1), FieldType.scalar(1));
        LayerCommutator ok = LayerCommutator.of("conv0", SupportMask.plus(pg.shape()), pg);
        assertTrue(ok.compatible());
        assertEquals(5, ok.dimE());
        assertEquals(3, ok.dimH());
        assertEquals(2, ok.dimIntersection());
        LayerCommutator bad = LayerCommutator.of("conv0", SupportMask.topRows(pg.shape()), pg);
        assertFalse(bad.compatible());
        assertEquals(Math.sqrt(7.0 / 8.0), bad.frobenius(), 1e-12);
        assertEquals(0.5, bad.spectral(), 1e-9);
    }
}
