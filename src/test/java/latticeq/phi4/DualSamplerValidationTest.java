package latticeq.phi4;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Function;
import latticeq.lattice.Lattice;
import latticeq.progress.ProgressListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The physics checks of the dual samplers: constraints on every configuration, the exact free
 * theory, the phi-field Metropolis sampler at mu = 0, fast against reference, reproducibility.
 * All runs have fixed seeds, so each check is deterministic; tolerances are 4 sigma.
 */
class DualSamplerValidationTest {

    private static final ProgressListener QUIET = ProgressListener.none();

    private static DualSampler fast(Lattice lat, Phi4Params p, int wps, long seed) {
        return new WormSampler(lat, p, wps, seed);
    }

    private static DualSampler reference(Lattice lat, Phi4Params p, int wps, long seed) {
        return new ReferenceWormSampler(lat, p, wps, seed);
    }

    @ParameterizedTest(name = "{0} {1}x{2} mu={3}")
    @CsvSource({"fast, 6, 4, 1.05", "reference, 6, 4, 1.05", "fast, 2, 2, 1.5", "reference, 3, 2, 0.0"})
    void everyConfigurationIsDivergenceFreeWithNonNegativeL(String kind, int nt, int nx, double mu) {
        Lattice lat = new Lattice(nt, nx);
        Phi4Params p = Phi4Params.paper(mu);
        DualSampler s = kind.equals("fast") ? fast(lat, p, 2, 11) : reference(lat, p, 2, 11);
        WeightTable table = WeightTable.of(p);
        boolean sawFlux = false;
        for (int i = 0; i < 1500; i++) {
            s.sweep();
            DualConfiguration c = s.configuration();
            assertTrue(c.isDivergenceFree(), "div k != 0 after sweep " + i);
            assertTrue(c.hasNonNegativeL(), "l < 0 after sweep " + i);
            // the sampler's own (cached) observables agree with a recomputation from the configuration
            assertEquals(Observables.phi2(c, table), s.phi2(), 1e-12);
            assertEquals(Observables.density(c), s.density(), 0);
            sawFlux |= c.windingNumber() != 0;
        }
        assertEquals(3000, s.worms());
        if (mu > 1) {
            assertTrue(sawFlux, "no winding flux seen at mu = " + mu);
        }
    }

    @ParameterizedTest(name = "{0}x{1} eta={2} mu={3}")
    @CsvSource({
        "8, 4, 5.0, 0.8, 200000",
        "4, 4, 4.5, 0.0, 100000",
        "6, 2, 4.3, 0.3, 100000",
        "5, 3, 7.0, 1.5, 100000"})
    void fastSamplerReproducesTheFreeField(int nt, int nx, double eta, double mu, int sweeps) {
        Lattice lat = new Lattice(nt, nx);
        Phi4Params p = new Phi4Params(eta, 0, mu);
        MonteCarloRun run = MonteCarloRun.run(fast(lat, p, DualSampler.defaultWormsPerSweep(lat), 3), 500, sweeps, QUIET);
        assertAgrees(run.densityEstimate(), FreeField.density(lat, p), "n");
        assertAgrees(run.phi2Estimate(), FreeField.phi2(lat, p), "|phi|^2");
        if (mu >= 0.8) {
            assertTrue(FreeField.density(lat, p) > 0.01, "n should be visibly nonzero here");
        }
    }

    @Test
    void referenceSamplerReproducesTheFreeField() {
        Lattice lat = new Lattice(8, 4);
        Phi4Params p = new Phi4Params(5.0, 0, 0.8);
        MonteCarloRun run = MonteCarloRun.run(reference(lat, p, 4, 5), 500, 100000, QUIET);
        assertAgrees(run.densityEstimate(), FreeField.density(lat, p), "n");
        assertAgrees(run.phi2Estimate(), FreeField.phi2(lat, p), "|phi|^2");
    }

    @Test
    void wormAgreesWithPhiMetropolisAtZeroChemicalPotential() {
        Lattice lat = new Lattice(8, 4);
        Phi4Params p = Phi4Params.paper(0);
        MonteCarloRun worm = MonteCarloRun.run(fast(lat, p, 8, 17), 1000, 100000, QUIET);
        PhiMetropolisSampler phi = new PhiMetropolisSampler(lat, p, 1.2, 19);
        for (int i = 0; i < 1000; i++) {
            phi.sweep();
        }
        double[] series = new double[100000];
        for (int i = 0; i < series.length; i++) {
            phi.sweep();
            series[i] = phi.phi2();
        }
        Estimate metropolis = TimeSeries.gamma(series);
        assertTrue(phi.acceptanceRate() > 0.2 && phi.acceptanceRate() < 0.8, "acceptance " + phi.acceptanceRate());
        double d = worm.phi2Estimate().sigmaDistance(metropolis.mean(), metropolis.error());
        assertTrue(d < 4, "worm " + worm.phi2Estimate() + " vs phi Metropolis " + metropolis + ": " + d + " sigma");
        assertTrue(worm.phi2Estimate().error() < 0.01 && metropolis.error() < 0.01, "errors too large to test anything");
        assertEquals(0.0, worm.densityEstimate().mean(), 4 * worm.densityEstimate().error() + 1e-12);
    }

    @Test
    void fastAndReferenceSamplersAgreeAtFiniteDensity() {
        Lattice lat = new Lattice(10, 4);
        Phi4Params p = Phi4Params.paper(1.05);
        MonteCarloRun a = MonteCarloRun.run(fast(lat, p, 5, 23), 1000, 100000, QUIET);
        MonteCarloRun b = MonteCarloRun.run(reference(lat, p, 5, 29), 1000, 100000, QUIET);
        for (var pair : new Estimate[][] {{a.densityEstimate(), b.densityEstimate()}, {a.phi2Estimate(), b.phi2Estimate()}}) {
            double d = pair[0].sigmaDistance(pair[1].mean(), pair[1].error());
            assertTrue(d < 4, "fast " + pair[0] + " vs reference " + pair[1] + ": " + d + " sigma");
        }
        assertTrue(a.densityEstimate().mean() > 0.2, "n at mu = 1.05 should be well above 0: " + a.densityEstimate());
        // the worms themselves are the same process: mean head steps per worm agree too (loosely)
        double fastLen = (double) a.headSteps() / a.worms(), refLen = (double) b.headSteps() / b.worms();
        assertEquals(fastLen, refLen, 0.1 * fastLen);
    }

    @ParameterizedTest
    @CsvSource({"fast", "reference"})
    void sameSeedGivesIdenticalConfigurationsDifferentSeedsDiffer(String kind) {
        Lattice lat = new Lattice(12, 4);
        Phi4Params p = Phi4Params.paper(1.05);
        Function<Long, DualSampler> make = seed -> kind.equals("fast") ? fast(lat, p, 6, seed) : reference(lat, p, 6, seed);
        DualSampler a = make.apply(42L), b = make.apply(42L), c = make.apply(43L);
        boolean differ = false;
        for (int i = 0; i < 200; i++) {
            a.sweep();
            b.sweep();
            c.sweep();
            assertEquals(a.configuration(), b.configuration(), "same seed diverged at sweep " + i);
            assertEquals(a.headSteps(), b.headSteps());
            differ |= !a.configuration().equals(c.configuration());
        }
        assertTrue(differ, "seeds 42 and 43 gave the same chain");
    }

    @Test
    void fastSamplerGrowsItsTablesAtLargeChemicalPotential() {
        // far beyond the onset every link fills with flux; f_x exceeds the initial table size
        Lattice lat = new Lattice(4, 2);
        Phi4Params p = new Phi4Params(4.01, 0.05, 3.0);
        WormSampler s = new WormSampler(lat, p, 20, 1);
        int maxF = 0;
        for (int i = 0; i < 300; i++) {
            s.sweep();
            DualConfiguration c = s.configuration();
            for (int x = 0; x < lat.volume(); x++) {
                maxF = Math.max(maxF, c.f(x));
            }
            assertTrue(c.isDivergenceFree());
        }
        assertTrue(maxF > 64, "test did not reach the table growth: max f = " + maxF);
        assertEquals(Observables.phi2(s.configuration(), WeightTable.of(p)), s.phi2(), 1e-9);
    }

    @Tag("slow")
    @Test
    void fastAndReferenceAgreeOnThePapersLattice() {
        Lattice lat = new Lattice(60, 4);
        for (double mu : new double[] {0.91, 1.05}) {
            Phi4Params p = Phi4Params.paper(mu);
            MonteCarloRun a = MonteCarloRun.run(fast(lat, p, 30, 31), 2000, 100000, QUIET);
            MonteCarloRun b = MonteCarloRun.run(reference(lat, p, 30, 37), 2000, 100000, QUIET);
            assertTrue(a.densityEstimate().sigmaDistance(b.densityEstimate().mean(), b.densityEstimate().error()) < 4,
                    a.densityEstimate() + " vs " + b.densityEstimate());
            assertTrue(a.phi2Estimate().sigmaDistance(b.phi2Estimate().mean(), b.phi2Estimate().error()) < 4,
                    a.phi2Estimate() + " vs " + b.phi2Estimate());
        }
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}x{1} eta={2} mu={3}")
    @CsvSource({"16, 8, 4.2, 0.2", "20, 4, 5.3, 1.0", "8, 8, 6.0, 1.3"})
    void freeFieldOnLargerLattices(int nt, int nx, double eta, double mu) {
        Lattice lat = new Lattice(nt, nx);
        Phi4Params p = new Phi4Params(eta, 0, mu);
        MonteCarloRun run = MonteCarloRun.run(fast(lat, p, DualSampler.defaultWormsPerSweep(lat), 7), 2000, 200000, QUIET);
        assertAgrees(run.densityEstimate(), FreeField.density(lat, p), "n");
        assertAgrees(run.phi2Estimate(), FreeField.phi2(lat, p), "|phi|^2");
    }

    private static void assertAgrees(Estimate e, double exact, String what) {
        assertTrue(e.error() > 0 || e.mean() == exact, what + ": zero error");
        double d = Math.abs(e.mean() - exact) / e.error();
        assertTrue(d < 4, what + " = " + e + " vs exact " + exact + ": " + d + " sigma");
    }
}
