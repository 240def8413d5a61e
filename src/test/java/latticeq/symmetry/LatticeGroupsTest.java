package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latticeq.lattice.Lattice;
import org.junit.jupiter.api.Test;

class LatticeGroupsTest {
    private final Lattice square = new Lattice(4, 4);

    @Test
    void aPointGroupGivesItsOwnLatticeGroupNeverAFallback() {
        for (PointGroup g : new PointGroup[] {PointGroup.c4(), PointGroup.d4(), PointGroup.d2()}) {
            LatticeGroup lg = LatticeGroups.of(square, g);
            assertEquals(g, lg.pointGroup());
            assertEquals(g.name(), lg.name());
        }
        assertEquals(LatticeGroups.c4(square).name(), LatticeGroups.of(square, "c4").name());
        assertEquals(LatticeGroups.d4(square).pointGroup(), LatticeGroups.of(square, "D4").pointGroup());
        assertEquals(LatticeGroups.d2(square).pointGroup(), LatticeGroups.of(square, "D2").pointGroup());
    }

    @Test
    void anUnknownNameIsAnErrorNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatticeGroups.of(square, "D8"));
        assertTrue(e.getMessage().contains("'D8'") && e.getMessage().contains("D4") && e.getMessage().contains("C4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PointGroup.named(null));
    }
}
