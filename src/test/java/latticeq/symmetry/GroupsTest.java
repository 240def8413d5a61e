package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GroupsTest {

    @Test
    void pointGroupsHaveTheRightOrdersAndElements() {
        assertEquals(1, PointGroup.trivial().order());
        assertEquals(4, PointGroup.c4().order());
        assertEquals(8, PointGroup.d4().order());
        assertEquals(4, PointGroup.d2().order());
        assertEquals(Set.of(PointElement.IDENTITY, PointElement.R_X, PointElement.C_R_T, new PointElement(D4.ROT180, true)),
                Set.copyOf(PointGroup.chemicalPotentialSymmetry().elements()));
        assertEquals(Set.of(PointElement.IDENTITY, PointElement.R_T, PointElement.R_X, PointElement.of(D4.ROT180)),
                Set.copyOf(PointGroup.d2().elements()));
        assertEquals(16, PointGroup.generatedBy("D4xC", PointElement.ROT90, PointElement.R_X, PointElement.C).order());
        assertEquals(PointElement.IDENTITY, PointGroup.d4().elements().get(0));
    }

    @Test
    void d4RelationsFromTheSymmetryNote() {
        PointElement r = PointElement.ROT90;
        assertEquals(PointElement.IDENTITY, r.compose(r).compose(r).compose(r));
        assertEquals(PointElement.R_T.compose(PointElement.R_X), r.compose(r));
        assertEquals(PointElement.IDENTITY, PointElement.R_T.compose(PointElement.R_T));
        for (D4 a : D4.values()) {
            assertEquals(D4.IDENTITY, a.compose(a.inverse()));
            for (D4 b : D4.values()) {
                // matrix action agrees with composition on a test vector
                int t = 2, x = 5;
                D4 ab = a.compose(b);
                assertEquals(a.mapT(b.mapT(t, x), b.mapX(t, x)), ab.mapT(t, x));
                assertEquals(a.mapX(b.mapT(t, x), b.mapX(t, x)), ab.mapX(t, x));
            }
        }
    }

    @Test
    void latticeGroupsAreClosedWithInversesAndAssociative() {
        Lattice sq = new Lattice(4, 4), rect = new Lattice(4, 6);
        for (LatticeGroup g : List.of(LatticeGroups.c4(sq), LatticeGroups.d4(sq), LatticeGroups.d2(rect),
                LatticeGroups.chemicalPotentialSymmetry(rect), LatticeGroups.translations(rect), LatticeGroups.d4(sq).withTranslations(),
                LatticeGroups.chemicalPotentialSymmetry(rect).withTranslations())) {
            Set<LatticeSymmetry> els = new HashSet<>(g.elements());
            assertEquals(g.order(), els.size(), g.toString());
            assertTrue(els.contains(g.identity()));
            for (LatticeSymmetry a : g.elements()) {
                assertEquals(g.identity(), g.compose(a, g.inverse(a)), g + " " + a);
                assertEquals(g.identity(), g.compose(g.inverse(a), a));
                assertEquals(a, g.compose(a, g.identity()));
            }
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
            for (int i = 0; i < 200; i++) {
                LatticeSymmetry a = g.sample(rng), b = g.sample(rng), c = g.sample(rng);
                assertTrue(els.contains(g.compose(a, b)), "closure in " + g);
                assertEquals(g.compose(g.compose(a, b), c), g.compose(a, g.compose(b, c)));
                // the site map is a homomorphism
                for (int s = 0; s < g.lattice().volume(); s++) assertEquals(a.mapSite(b.mapSite(s)), a.compose(b).mapSite(s));
            }
        }
    }

    @Test
    void samplingIsUniformAndReproducible() {
        LatticeGroup g = LatticeGroups.d4(new Lattice(4, 4));
        Map<LatticeSymmetry, Integer> counts = new HashMap<>();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
        int n = 80_000;
        for (int i = 0; i < n; i++) counts.merge(g.sample(rng), 1, Integer::sum);
        assertEquals(8, counts.size());
        double chi2 = 0, e = n / 8.0;
        for (int c : counts.values()) chi2 += (c - e) * (c - e) / e;
        assertTrue(chi2 < 24.3, "chi^2 with 7 dof = " + chi2); // p ~ 0.001
        UniformRandomProvider r1 = RandomSource.XO_RO_SHI_RO_128_PP.create(3), r2 = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        LatticeGroup t = LatticeGroups.translations(new Lattice(6, 5));
        for (int i = 0; i < 50; i++) assertEquals(t.sample(r1), t.sample(r2));
    }

    @Test
    void rotationsOnNonSquareLatticeThrowClearly() {
        Lattice rect = new Lattice(60, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatticeGroups.c4(rect));
        assertTrue(e.getMessage().contains("60x4") && e.getMessage().contains("square"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatticeGroups.d4(rect));
        assertTrue(e.getMessage().contains("60x4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatticeSymmetry.of(rect, PointElement.ROT90));
        assertTrue(e.getMessage().contains("nt must equal nx"), e.getMessage());
        assertDoesNotThrow(() -> LatticeGroups.d2(rect));
        assertDoesNotThrow(() -> LatticeGroups.chemicalPotentialSymmetry(rect));
    }

    @Test
    void composeRejectsForeignElements() {
        LatticeGroup d2 = LatticeGroups.d2(new Lattice(4, 4));
        LatticeSymmetry r = LatticeSymmetry.of(new Lattice(4, 4), PointElement.ROT90);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d2.compose(r, r));
        assertTrue(e.getMessage().contains("not in group D2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LatticeSymmetry.identity(new Lattice(4, 4)).compose(LatticeSymmetry.identity(new Lattice(4, 5))));
    }

    @Test
    void centredGroupsRotateImagesLikeRot90() {
        for (Lattice lat : List.of(new Lattice(4, 4), new Lattice(5, 5))) {
            LatticeGroup c4 = LatticeGroups.centred(lat, PointGroup.c4());
            int n = lat.nt();
            LatticeSymmetry r = c4.pointElement(PointElement.ROT90);
            // r: (t, x) -> (-x, t) about the centre: pixel (i, j) -> (n-1-j, i)
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(lat.site(n - 1 - j, i), r.mapSite(lat.site(i, j)));
            Set<LatticeSymmetry> els = new HashSet<>(c4.elements());
            for (LatticeSymmetry a : els) {
                assertTrue(c4.contains(a));
                for (LatticeSymmetry b : els) assertTrue(els.contains(a.compose(b)), "closure of centred C4");
            }
            assertFalse(c4.contains(LatticeSymmetry.of(lat, PointElement.ROT90)) && n % 2 == 0);
        }
        LatticeGroup d2 = LatticeGroups.centred(new Lattice(6, 4), PointGroup.d2());
        LatticeSymmetry rt = d2.pointElement(PointElement.R_T);
        assertEquals(new Lattice(6, 4).site(5, 1), rt.mapSite(new Lattice(6, 4).site(0, 1)));
    }
}
