package latticeq.phi4;

import latticeq.lattice.Lattice;

/**
 * A Markov chain on dual configurations. One {@link #sweep()} is one Metropolis pass over all l
 * links (in link order) followed by a fixed number of complete worms for k. Between sweeps the
 * configuration is always divergence free; observables are meant to be read only there (after a
 * fixed number of worms, never after a number of head steps, which would bias the ensemble).
 */
public interface DualSampler {

    Lattice lattice();

    Phi4Params params();

    /** Complete worms per sweep. */
    int wormsPerSweep();

    /** One Metropolis pass over every l link, then {@link #wormsPerSweep()} complete worms. */
    void sweep();

    /** One complete worm (tail at a random site, head moves until it is back at the tail). */
    void worm();

    /** Runs n sweeps. */
    default void sweeps(int n) {
        for (int i = 0; i < n; i++) {
            sweep();
        }
    }

    /** Complete worms run since construction. */
    long worms();

    /** Worm head move proposals (accepted or rejected) since construction. */
    long headSteps();

    /** A copy of the current configuration. */
    DualConfiguration configuration();

    /** Writes the current (k_t, k_x, l_t, l_x) channels, 4 V integers, into {@code dest} at {@code offset}. */
    void copyChannels(int[] dest, int offset);

    /** n = (1/V) sum_x k_{x,t} of the current configuration. */
    double density();

    /** |phi|^2 = (1/V) sum_x W(f_x + 2) / W(f_x) of the current configuration. */
    double phi2();

    /** Default worms per sweep: V / 8 rounded up, so a sweep's worm work grows with the volume like the l pass. */
    static int defaultWormsPerSweep(Lattice lattice) {
        return Math.max(1, (lattice.volume() + 7) / 8);
    }
}
