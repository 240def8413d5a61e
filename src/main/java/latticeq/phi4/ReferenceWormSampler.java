package latticeq.phi4;

import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The dual sampler written for clarity, as the reference for {@link WormSampler}: every
 * acceptance probability is exp(ln W[new] - ln W[old]) with the local part of the weight
 * recomputed from its definition (factorials, exp(mu k_t), W(f_x) with f_x summed over the four
 * links from scratch). No caches, no ratio tables. Same Markov chain as the fast sampler, but a
 * different use of random numbers, so the two agree only statistically.
 */
public final class ReferenceWormSampler implements DualSampler {

    private final Lattice lattice;
    private final Phi4Params params;
    private final WeightTable table;
    private final UniformRandomProvider rng;
    private final int wormsPerSweep;
    private final int[] k;
    private final int[] l;
    private long worms;
    private long headSteps;

    public ReferenceWormSampler(Lattice lattice, Phi4Params params, int wormsPerSweep, long seed) {
        if (wormsPerSweep < 0) {
            throw new IllegalArgumentException("wormsPerSweep = " + wormsPerSweep + " is not allowed: need >= 0");
        }
        this.lattice = lattice;
        this.params = params;
        this.table = WeightTable.of(params);
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.wormsPerSweep = wormsPerSweep;
        this.k = new int[lattice.links()];
        this.l = new int[lattice.links()];
    }

    @Override
    public void sweep() {
        for (int link = 0; link < k.length; link++) {
            updateL(link);
        }
        for (int i = 0; i < wormsPerSweep; i++) {
            worm();
        }
    }

    private void updateL(int link) {
        int change = rng.nextBoolean() ? 1 : -1;
        if (l[link] + change < 0) {
            return; // proposal outside the configuration space: rejected
        }
        double before = localLogWeight(link);
        l[link] += change;
        double after = localLogWeight(link);
        if (rng.nextDouble() >= Math.exp(after - before)) {
            l[link] -= change;
        }
    }

    /** One worm: tail at a random site, head moves until it is back at the tail. */
    public void worm() {
        int tail = rng.nextInt(lattice.volume());
        int head = tail;
        do {
            int direction = rng.nextInt(4);
            int nu = direction % 2;
            boolean forward = direction < 2;
            int next = forward ? lattice.forward(head, nu) : lattice.backward(head, nu);
            // the link between head and next, stored at its backward end
            int link = forward ? lattice.link(head, nu) : lattice.link(next, nu);
            int change = forward ? 1 : -1; // flux flows from head to next
            double before = localLogWeight(link);
            k[link] += change;
            double after = localLogWeight(link);
            headSteps++;
            if (rng.nextDouble() < Math.exp(after - before)) {
                head = next;
            } else {
                k[link] -= change;
            }
        } while (head != tail);
        worms++;
    }

    /** The factors of W[k, l] that depend on one link: the link's own factor and both end sites. */
    private double localLogWeight(int link) {
        int nu = link / lattice.volume();
        int from = link % lattice.volume();
        int to = lattice.forward(from, nu);
        int absK = Math.abs(k[link]);
        double w = -LogGamma.factorial(absK + l[link]) - LogGamma.factorial(l[link]);
        if (nu == 0) {
            w += params.mu() * k[link];
        }
        return w + table.logW(f(from)) + table.logW(f(to));
    }

    private int f(int site) {
        int sum = 0;
        for (int nu = 0; nu < 2; nu++) {
            int out = lattice.link(site, nu);
            int in = lattice.link(lattice.backward(site, nu), nu);
            sum += Math.abs(k[out]) + 2 * l[out] + Math.abs(k[in]) + 2 * l[in];
        }
        return sum;
    }

    @Override
    public Lattice lattice() {
        return lattice;
    }

    @Override
    public Phi4Params params() {
        return params;
    }

    @Override
    public int wormsPerSweep() {
        return wormsPerSweep;
    }

    @Override
    public long worms() {
        return worms;
    }

    @Override
    public long headSteps() {
        return headSteps;
    }

    @Override
    public DualConfiguration configuration() {
        return new DualConfiguration(lattice, k, l);
    }

    @Override
    public void copyChannels(int[] dest, int offset) {
        System.arraycopy(k, 0, dest, offset, k.length);
        System.arraycopy(l, 0, dest, offset + k.length, l.length);
    }

    @Override
    public double density() {
        return Observables.density(configuration());
    }

    @Override
    public double phi2() {
        return Observables.phi2(configuration(), table);
    }
}
