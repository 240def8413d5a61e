package latticeq.data;

import java.util.HashSet;
import java.util.List;
import latticeq.io.CacheKey;
import latticeq.lattice.Lattice;
import latticeq.phi4.DualSampler;
import latticeq.phi4.Phi4Params;

/**
 * Everything that determines a generated dataset of one lattice size: with the same spec the
 * generated arrays are bit-identical, whatever the number of threads.
 *
 * @param nt                  temporal extent N_t >= 2
 * @param nx                  spatial extent N_x >= 2
 * @param eta                 mass parameter (see {@link Phi4Params})
 * @param lambda              quartic coupling >= 0
 * @param mus                 chemical potentials, one independent Markov chain (stream) each, distinct
 * @param configsPerMu        configurations saved per mu, >= 1
 * @param thermSweeps         sweeps discarded at the start of each stream, >= 0
 * @param decorrelationSweeps sweeps between two saved configurations, >= 1
 * @param wormsPerSweep       worms per sweep (a sweep = one l pass over all links + this many worms), >= 1
 * @param seed                master seed; stream seeds are derived from it (see {@link #streamSeed})
 * @param shuffle             whether samples are shuffled over mu (seeded), so that "the first N"
 *                            is a fair subset; otherwise grouped by mu in list order
 */
public record DatasetSpec(int nt, int nx, double eta, double lambda, List<Double> mus, int configsPerMu,
                          int thermSweeps, int decorrelationSweeps, int wormsPerSweep, long seed, boolean shuffle)
        implements java.io.Serializable {

    public DatasetSpec {
        new Lattice(nt, nx); // validates the extents
        if (mus == null || mus.isEmpty()) {
            throw new IllegalArgumentException("mus = " + mus + " is not allowed: need at least one chemical potential");
        }
        mus = List.copyOf(mus);
        if (new HashSet<>(mus).size() != mus.size()) {
            throw new IllegalArgumentException("mus = " + mus + " is not allowed: need distinct values");
        }
        for (double mu : mus) {
            new Phi4Params(eta, lambda, mu); // validates eta, lambda and every mu
        }
        if (configsPerMu < 1) {
            throw new IllegalArgumentException("configsPerMu = " + configsPerMu + " is not allowed: need >= 1");
        }
        if ((long) configsPerMu * mus.size() * 4L * nt * nx > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("configsPerMu = " + configsPerMu + " is too large: need configs * mus * 4 * nt * nx < 2^31");
        }
        if (thermSweeps < 0) {
            throw new IllegalArgumentException("thermSweeps = " + thermSweeps + " is not allowed: need >= 0");
        }
        if (decorrelationSweeps < 1) {
            throw new IllegalArgumentException("decorrelationSweeps = " + decorrelationSweeps + " is not allowed: need >= 1");
        }
        if (wormsPerSweep < 1) {
            throw new IllegalArgumentException("wormsPerSweep = " + wormsPerSweep + " is not allowed: need >= 1");
        }
    }

    /** The paper's couplings (eta = 4.01, lambda = 1) with the default worms per sweep of the lattice. */
    public static DatasetSpec paper(int nt, int nx, List<Double> mus, int configsPerMu, int thermSweeps,
                                    int decorrelationSweeps, long seed) {
        return new DatasetSpec(nt, nx, 4.01, 1.0, mus, configsPerMu, thermSweeps, decorrelationSweeps,
                DualSampler.defaultWormsPerSweep(new Lattice(nt, nx)), seed, true);
    }

    public Lattice lattice() {
        return new Lattice(nt, nx);
    }

    public Phi4Params params(double mu) {
        return new Phi4Params(eta, lambda, mu);
    }

    /** Number of configurations in all. */
    public int size() {
        return configsPerMu * mus.size();
    }

    /** The same spec with another master seed. */
    public DatasetSpec withSeed(long newSeed) {
        return new DatasetSpec(nt, nx, eta, lambda, mus, configsPerMu, thermSweeps, decorrelationSweeps, wormsPerSweep, newSeed, shuffle);
    }

    /**
     * Seed of the Markov chain for one (lattice size, mu): a SplitMix64-style mix of the master
     * seed, N_t, N_x and the bits of mu. It does not depend on the other entries of the mu list,
     * so adding a mu or a lattice size leaves the existing streams unchanged.
     */
    public long streamSeed(double mu) {
        long h = mix(seed ^ 0x6c617474696365L);
        h = mix(h ^ ((long) nt << 32 | nx));
        return mix(h ^ Double.doubleToLongBits(mu));
    }

    /** Seed of the shuffle permutation. */
    public long shuffleSeed() {
        return mix(mix(seed ^ 0x73687566666c65L) ^ ((long) nt << 32 | nx));
    }

    /** A short, stable key of this spec (sha256 of its JSON), used to name cache directories. */
    public String cacheKey() {
        return CacheKey.of(this);
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
