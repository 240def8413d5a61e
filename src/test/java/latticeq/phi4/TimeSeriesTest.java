package latticeq.phi4;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    /** AR(1) x_{i+1} = rho x_i + noise has tau_int = (1 + rho) / (2 (1 - rho)) exactly. */
    @Test
    void gammaMethodRecoversTheAutocorrelationTimeOfAnAr1Process() {
        double rho = 0.9;
        double[] x = ar1(rho, 200_000, 5);
        Estimate e = TimeSeries.gamma(x);
        double tauExact = (1 + rho) / (2 * (1 - rho));
        assertEquals(tauExact, e.tauInt(), 4 * e.tauError(), e.toString());
        // the error of the mean: sqrt(2 tau var / N), var = 1 / (1 - rho^2)
        double errExact = Math.sqrt(2 * tauExact / (1 - rho * rho) / x.length);
        assertEquals(errExact, e.error(), 0.1 * errExact);
        assertEquals(0, e.mean(), 4 * errExact);
        // binning with bins >> tau agrees
        Estimate b = TimeSeries.binned(x, 1000);
        assertEquals(errExact, b.error(), 0.25 * errExact);
    }

    @Test
    void uncorrelatedSeriesHasTauOneHalf() {
        Estimate e = TimeSeries.gamma(ar1(0, 100_000, 9));
        assertEquals(0.5, e.tauInt(), 0.05);
    }

    @Test
    void constantSeriesAndBadInput() {
        Estimate e = TimeSeries.gamma(new double[] {2, 2, 2, 2});
        assertEquals(2, e.mean());
        assertEquals(0, e.error());
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.gamma(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.binned(new double[10], 6));
    }

    private static double[] ar1(double rho, int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        double v = g.sample() / Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            x[i] = v;
            v = rho * v + g.sample();
        }
        return x;
    }
}
