package latticeq.phi4;

import latticeq.lattice.Lattice;

/**
 * What {@link WormSampler} and {@link ReferenceWormSampler} share that is not the Markov chain:
 * parameters, the k and l arrays, the run counters and the configuration export. The update and
 * acceptance logic stays in each subclass on purpose, so the reference remains an independent
 * check of the fast sampler.
 */
abstract sealed class AbstractDualSampler implements DualSampler permits WormSampler, ReferenceWormSampler {

    protected final Lattice lattice;
    protected final Phi4Params params;
    protected final WeightTable table;
    protected final int wormsPerSweep;
    protected final int[] k;
    protected final int[] l;
    protected long worms;
    protected long headSteps;

    AbstractDualSampler(Lattice lattice, Phi4Params params, int wormsPerSweep) {
        if (wormsPerSweep < 0) {
            throw new IllegalArgumentException("wormsPerSweep = " + wormsPerSweep + " is not allowed: need >= 0");
        }
        this.lattice = lattice;
        this.params = params;
        this.table = WeightTable.of(params);
        this.wormsPerSweep = wormsPerSweep;
        this.k = new int[lattice.links()];
        this.l = new int[lattice.links()];
    }

    @Override
    public final Lattice lattice() {
        return lattice;
    }

    @Override
    public final Phi4Params params() {
        return params;
    }

    @Override
    public final int wormsPerSweep() {
        return wormsPerSweep;
    }

    @Override
    public final long worms() {
        return worms;
    }

    @Override
    public final long headSteps() {
        return headSteps;
    }

    @Override
    public final DualConfiguration configuration() {
        return new DualConfiguration(lattice, k, l);
    }

    @Override
    public final void copyChannels(int[] dest, int offset) {
        System.arraycopy(k, 0, dest, offset, k.length);
        System.arraycopy(l, 0, dest, offset + k.length, l.length);
    }
}
