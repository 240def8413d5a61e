package latticeq.phi4;

import latticeq.progress.ProgressListener;

/**
 * Thermalizes a dual sampler, then measures n and |phi|^2 after every sweep and analyses both
 * series with the Gamma method.
 *
 * @param density      n after each measurement sweep
 * @param phi2         |phi|^2 after each measurement sweep
 * @param densityEstimate Gamma-method estimate of &lt;n&gt; (tau in sweeps)
 * @param phi2Estimate Gamma-method estimate of &lt;|phi|^2&gt; (tau in sweeps)
 * @param worms        worms run (thermalization included)
 * @param headSteps    worm head proposals (thermalization included)
 * @param seconds      wall time of thermalization and measurement
 */
public record MonteCarloRun(double[] density, double[] phi2, Estimate densityEstimate, Estimate phi2Estimate,
                            long worms, long headSteps, double seconds) {

    /** Runs {@code therm} sweeps without and {@code measure} sweeps with measurements (measure >= 2). */
    public static MonteCarloRun run(DualSampler sampler, int therm, int measure, ProgressListener progress) {
        if (therm < 0) {
            throw new IllegalArgumentException("therm = " + therm + " is not allowed: need >= 0 sweeps");
        }
        if (measure < 2) {
            throw new IllegalArgumentException("measure = " + measure + " is not allowed: need >= 2 sweeps");
        }
        long worms0 = sampler.worms(), steps0 = sampler.headSteps();
        long t0 = System.nanoTime();
        long total = (long) therm + measure;
        int chunk = (int) Math.max(1, total / 100);
        String label = "mu=" + sampler.params().mu() + " " + sampler.lattice();
        for (int i = 0; i < therm; i++) {
            sampler.sweep();
            if ((i + 1) % chunk == 0) {
                progress.update(i + 1, total, label + " thermalizing");
            }
        }
        double[] n = new double[measure];
        double[] q = new double[measure];
        for (int i = 0; i < measure; i++) {
            sampler.sweep();
            n[i] = sampler.density();
            q[i] = sampler.phi2();
            if ((therm + i + 1) % chunk == 0) {
                progress.update(therm + i + 1, total, label + " measuring");
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        progress.finish();
        return new MonteCarloRun(n, q, TimeSeries.gamma(n), TimeSeries.gamma(q),
                sampler.worms() - worms0, sampler.headSteps() - steps0, seconds);
    }

    /**
     * Whether the measurement of n can be trusted: it cannot when it is shorter than
     * {@code minTausPerRun} integrated autocorrelation times (the Gamma method's error needs a run
     * much longer than tau_int), or when the means of its first and second half differ by more than
     * {@code sigmas} of their combined errors (a drift: the chain had not reached equilibrium, e.g.
     * at a very large mu where the density keeps growing). Empty when neither shows.
     */
    public java.util.Optional<String> densityWarning(double minTausPerRun, double sigmas) {
        int n = density.length;
        double tau = densityEstimate.tauInt();
        if (Double.isFinite(tau) && tau * minTausPerRun > n) {
            return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                    "the measurement (%d sweeps) is shorter than %.0f autocorrelation times of n (tau_int = %.1f sweeps):"
                            + " the chain has not reached equilibrium or mixes too slowly; measure and thermalize longer, or lower mu",
                    n, minTausPerRun, tau));
        }
        int half = n / 2;
        if (half < 2) return java.util.Optional.empty();
        Estimate first = TimeSeries.gamma(java.util.Arrays.copyOfRange(density, 0, half));
        Estimate second = TimeSeries.gamma(java.util.Arrays.copyOfRange(density, n - half, n));
        double error = Math.hypot(first.error(), second.error());
        double gap = Math.abs(second.mean() - first.mean());
        if (gap > sigmas * error && gap > 1e-12 * Math.max(1, Math.abs(first.mean()))) {
            return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                    "n drifts from %.4g (first half of the measurement) to %.4g (second half), %.0f times their error:"
                            + " the chain has not reached equilibrium; thermalize longer (--therm) or lower mu", first.mean(), second.mean(),
                    error > 0 ? gap / error : Double.POSITIVE_INFINITY));
        }
        return java.util.Optional.empty();
    }
}
