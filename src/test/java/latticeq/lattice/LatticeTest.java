package latticeq.lattice;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LatticeTest {

    @Test
    void neighboursWrapAroundAndInvert() {
        Lattice lat = new Lattice(5, 3);
        for (int s = 0; s < lat.volume(); s++) {
            for (int nu = 0; nu < 2; nu++) {
                assertEquals(s, lat.backward(lat.forward(s, nu), nu));
                assertEquals(s, lat.forward(lat.backward(s, nu), nu));
            }
            assertEquals(lat.site(lat.t(s) + 1, lat.x(s)), lat.forward(s, 0));
            assertEquals(lat.site(lat.t(s), lat.x(s) - 1), lat.backward(s, 1));
        }
        assertEquals(lat.site(0, 2), lat.backward(lat.site(0, 0), 1));
        assertEquals(lat.site(4, 1), lat.site(-1, 4));
    }

    @Test
    void rejectsTooSmallExtentNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Lattice(1, 4));
        assertTrue(e.getMessage().contains("nt = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Lattice(4, 0));
        assertTrue(e.getMessage().contains("nx = 0"), e.getMessage());
    }
}
