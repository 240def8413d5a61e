package latticeq.phi4;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WeightTableTest {

    /** (f/2 + 1) W(f) = eta W(f+2) + 2 lambda W(f+4): integration by parts, independent of the quadrature. */
    @ParameterizedTest
    @CsvSource({"4.01, 1.0", "5.0, 0.1", "4.0, 10.0", "-2.0, 1.0", "0.5, 0.01", "4.01, 1e-6"})
    void satisfiesTheIntegrationByPartsRecursion(double eta, double lambda) {
        WeightTable t = new WeightTable(eta, lambda);
        for (int f = 0; f <= 3000; f += (f < 200 ? 1 : 37)) {
            double lhs = Math.log(f / 2.0 + 1) + t.logW(f);
            // both terms on the right are positive: compare in log space relative to the left
            double rhs = Math.exp(Math.log(Math.abs(eta)) + t.logW(f + 2) - lhs) * Math.signum(eta)
                    + Math.exp(Math.log(2 * lambda) + t.logW(f + 4) - lhs);
            assertEquals(1.0, rhs, 1e-10, "eta=" + eta + " lambda=" + lambda + " f=" + f);
        }
    }

    @Test
    void gaussianClosedFormMatchesGammaFunctionAndQuadrature() {
        double eta = 4.7;
        WeightTable t = new WeightTable(eta, 0);
        // Gamma(m + 1) = m!, Gamma(m + 1/2) = (2m)! sqrt(pi) / (4^m m!): exact products
        for (int f = 0; f <= 60; f++) {
            double a = f / 2.0 + 1;
            double logGamma;
            if (f % 2 == 0) {
                int m = f / 2;
                logGamma = 0;
                for (int i = 2; i <= m; i++) {
                    logGamma += Math.log(i);
                }
            } else {
                int m = (f + 1) / 2; // a = m + 1/2
                logGamma = 0.5 * Math.log(Math.PI);
                for (int i = 1; i <= m; i++) {
                    logGamma += Math.log(i - 0.5);
                }
            }
            double expected = logGamma - Math.log(2) - a * Math.log(eta);
            assertEquals(expected, t.logW(f), 1e-11 * Math.max(1, Math.abs(expected)), "f=" + f);
            // the lambda > 0 code path (quadrature) run at lambda = 0 must give the same number
            assertEquals(expected, WeightTable.logQuadrature(eta, 0, f), 1e-12 * Math.max(1, Math.abs(expected)), "quadrature f=" + f);
            // lambda = 0 ratio identity W(f+2)/W(f) = (f/2 + 1)/eta
            assertEquals((f / 2.0 + 1) / eta, t.ratio(f, 2), 1e-12 * (f / 2.0 + 1) / eta);
        }
    }

    @Test
    void growsOnDemandWithoutOverflow() {
        WeightTable t = new WeightTable(4.01, 1.0);
        int before = t.capacity();
        double big = t.logW(100_000);
        assertTrue(t.capacity() > 100_000 && t.capacity() > before);
        assertTrue(Double.isFinite(big));
        // W(f) grows like Gamma(f/4): ln W increases with f at large f
        assertTrue(t.logW(100_001) > t.logW(99_999));
        assertThrows(IllegalArgumentException.class, () -> t.logW(-1));
    }
}
