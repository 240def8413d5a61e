package latticeq.phi4;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class Phi4ParamsTest {

    @Test
    void acceptsThePapersCouplings() {
        Phi4Params p = Phi4Params.paper(1.05);
        assertEquals(4.01, p.eta());
        assertEquals(1.0, p.lambda());
        assertEquals(1.05, p.mu());
        assertEquals(0.5, p.withMu(0.5).mu());
    }

    @Test
    void rejectsNegativeOrNonFiniteLambda() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Phi4Params(4.01, -0.1, 0));
        assertTrue(e.getMessage().contains("lambda = -0.1") && e.getMessage().contains(">= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Phi4Params(4.01, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new Phi4Params(4.01, Double.POSITIVE_INFINITY, 0));
    }

    @Test
    void rejectsNonFiniteEtaAndMu() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Phi4Params(Double.NaN, 1, 0));
        assertTrue(e.getMessage().startsWith("eta = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Phi4Params(4, 1, Double.NEGATIVE_INFINITY));
        assertTrue(e.getMessage().startsWith("mu = -Infinity"), e.getMessage());
    }

    @Test
    void gaussianTheoryNeedsEtaAboveTwoPlusTwoCoshMu() {
        double bound = 2 + 2 * Math.cosh(0.8);
        assertDoesNotThrow(() -> new Phi4Params(bound + 1e-9, 0, 0.8));
        var e = assertThrows(IllegalArgumentException.class, () -> new Phi4Params(bound, 0, 0.8));
        assertTrue(e.getMessage().contains("eta = ") && e.getMessage().contains("2 + 2 cosh(mu)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Phi4Params(4.0, 0, 0));
        // the quartic term makes any eta (and any mu) allowed
        assertDoesNotThrow(() -> new Phi4Params(-3, 1, 2.5));
    }
}
