package latticeq.phi4;

import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The fast dual sampler: flat int arrays for k, l and the cached site sums f_x, neighbour tables,
 * and tables of weight ratios W(f +- 1)/W(f), W(f +- 2)/W(f) and 1/n, so a worm head step is a
 * handful of array reads, a multiply chain and one 64-bit random number (low two bits pick the
 * direction, the top 53 bits the acceptance uniform). Nothing is allocated per step; the ratio
 * tables grow (rarely) when some f_x approaches their end.
 *
 * <p>The algorithm is the same as {@link ReferenceWormSampler}, which spells every weight out.
 * Worm: pick a uniformly random site as tail and head; repeatedly propose to move the head to one
 * of its 4 neighbours (probability 1/4 each), changing k on the link crossed by +1 when moving
 * forward and -1 when moving backward (the head carries one unit of flux), and accept with
 * min(1, weight ratio). The worm ends when the head reaches the tail again; then div k = 0 holds.
 * Not thread-safe; one sampler per thread.
 */
public final class WormSampler implements DualSampler {

    private final Lattice lattice;
    private final Phi4Params params;
    private final WeightTable table;
    private final UniformRandomProvider rng;
    private final int wormsPerSweep;
    private final int volume;

    private final int[] k;
    private final int[] l;
    private final int[] f;
    /** neighbour[4 * x + dir]: dir 0 = +t, 1 = +x, 2 = -t, 3 = -x. */
    private final int[] neighbour;
    /** link[4 * x + dir]: the link crossed when moving from x in direction dir. */
    private final int[] linkOf;

    /** up1[f] = W(f+1)/W(f), dn1[f] = W(f-1)/W(f) (dn1[0] unused), up2, dn2 likewise for +-2. */
    private double[] up1, dn1, up2, dn2;
    /** inv[n] = 1/n (inv[0] unused). */
    private double[] inv;
    private int capacity;

    private final double expMu;
    private final double expMinusMu;

    private long worms;
    private long headSteps;

    public WormSampler(Lattice lattice, Phi4Params params, int wormsPerSweep, long seed) {
        this(lattice, params, wormsPerSweep, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    public WormSampler(Lattice lattice, Phi4Params params, int wormsPerSweep, UniformRandomProvider rng) {
        if (wormsPerSweep < 0) {
            throw new IllegalArgumentException("wormsPerSweep = " + wormsPerSweep + " is not allowed: need >= 0");
        }
        this.lattice = lattice;
        this.params = params;
        this.table = WeightTable.of(params);
        this.rng = rng;
        this.wormsPerSweep = wormsPerSweep;
        this.volume = lattice.volume();
        this.k = new int[lattice.links()];
        this.l = new int[lattice.links()];
        this.f = new int[volume];
        this.neighbour = new int[4 * volume];
        this.linkOf = new int[4 * volume];
        for (int x = 0; x < volume; x++) {
            for (int nu = 0; nu < 2; nu++) {
                int fwd = lattice.forward(x, nu);
                int bwd = lattice.backward(x, nu);
                neighbour[4 * x + nu] = fwd;
                linkOf[4 * x + nu] = lattice.link(x, nu);
                neighbour[4 * x + 2 + nu] = bwd;
                linkOf[4 * x + 2 + nu] = lattice.link(bwd, nu);
            }
        }
        this.expMu = Math.exp(params.mu());
        this.expMinusMu = Math.exp(-params.mu());
        grow(64);
    }

    /** Starts the chain from the given configuration (must be divergence free with l >= 0). */
    public WormSampler start(DualConfiguration c) {
        if (!c.lattice().equals(lattice)) {
            throw new IllegalArgumentException("configuration lattice " + c.lattice() + " does not match sampler lattice " + lattice);
        }
        if (!c.isDivergenceFree() || !c.hasNonNegativeL()) {
            throw new IllegalArgumentException("start configuration is not allowed: need div k = 0 and l >= 0");
        }
        System.arraycopy(c.k(), 0, k, 0, k.length);
        System.arraycopy(c.l(), 0, l, 0, l.length);
        int maxF = 0;
        for (int x = 0; x < volume; x++) {
            f[x] = c.f(x);
            maxF = Math.max(maxF, f[x]);
        }
        if (maxF + 8 >= capacity) {
            grow(maxF + 16);
        }
        return this;
    }

    private void grow(int minCapacity) {
        int cap = Math.max(minCapacity, 2 * capacity);
        double[] lw = table.ensureCapacity(cap + 3);
        up1 = new double[cap];
        dn1 = new double[cap];
        up2 = new double[cap];
        dn2 = new double[cap];
        inv = new double[2 * cap + 2];
        for (int i = 0; i < cap; i++) {
            up1[i] = Math.exp(lw[i + 1] - lw[i]);
            up2[i] = Math.exp(lw[i + 2] - lw[i]);
            dn1[i] = i >= 1 ? Math.exp(lw[i - 1] - lw[i]) : 0;
            dn2[i] = i >= 2 ? Math.exp(lw[i - 2] - lw[i]) : 0;
        }
        for (int i = 1; i < inv.length; i++) {
            inv[i] = 1.0 / i;
        }
        capacity = cap;
    }

    @Override
    public void sweep() {
        updateL();
        for (int i = 0; i < wormsPerSweep; i++) {
            worm();
        }
    }

    /** One Metropolis pass: for each link in order propose l -> l +- 1 (probability 1/2 each). */
    public void updateL() {
        final int[] k = this.k, l = this.l, f = this.f;
        final int n = k.length;
        for (int link = 0; link < n; link++) {
            long bits = rng.nextLong();
            double u = (bits >>> 11) * 0x1.0p-53;
            int site = link < volume ? link : link - volume;
            int nu = link < volume ? 0 : 1;
            int other = neighbour[4 * site + nu];
            int a = Math.abs(k[link]);
            int lv = l[link];
            int fx = f[site], fy = f[other];
            if ((bits & 1) == 0) {
                // l -> l + 1: factor 1 / ((|k| + l + 1)(l + 1)), both ends f += 2
                double r = inv[a + lv + 1] * inv[lv + 1] * up2[fx] * up2[fy];
                if (u < r) {
                    l[link] = lv + 1;
                    f[site] = fx + 2;
                    f[other] = fy + 2;
                    if (fx + 2 >= capacity - 4 || fy + 2 >= capacity - 4) {
                        grow(Math.max(fx, fy) + 8);
                    }
                }
            } else if (lv > 0) {
                // l -> l - 1: factor (|k| + l) l, both ends f -= 2
                double r = (double) (a + lv) * lv * dn2[fx] * dn2[fy];
                if (u < r) {
                    l[link] = lv - 1;
                    f[site] = fx - 2;
                    f[other] = fy - 2;
                }
            }
        }
    }

    /** One complete worm: returns when the head is back at the tail (div k = 0 again). */
    public void worm() {
        final int[] k = this.k, l = this.l, f = this.f, neighbour = this.neighbour, linkOf = this.linkOf;
        final int volume = this.volume;
        final UniformRandomProvider rng = this.rng;
        final double expMu = this.expMu, expMinusMu = this.expMinusMu;
        final int tail = rng.nextInt(volume);
        int head = tail;
        long steps = 0;
        double[] up1 = this.up1, dn1 = this.dn1, inv = this.inv;
        int limit = capacity - 4;
        do {
            long bits = rng.nextLong();
            steps++;
            int dir = (int) (bits & 3);
            double u = (bits >>> 11) * 0x1.0p-53;
            int idx = 4 * head + dir;
            int next = neighbour[idx];
            int link = linkOf[idx];
            int kOld = k[link];
            // forward moves add one unit of flux, backward moves remove one
            int dk = dir < 2 ? 1 : -1;
            double r = dir == 0 ? expMu : dir == 2 ? expMinusMu : 1.0;
            int fh = f[head], fn = f[next];
            if (kOld * dk >= 0) {
                // |k| grows by one: 1/(|k| + l + 1) and f += 1 at both ends
                r *= inv[Math.abs(kOld) + l[link] + 1] * up1[fh] * up1[fn];
                if (u < r) {
                    k[link] = kOld + dk;
                    f[head] = fh + 1;
                    f[next] = fn + 1;
                    head = next;
                    if (fh + 1 >= limit || fn + 1 >= limit) {
                        grow(Math.max(fh, fn) + 8);
                        up1 = this.up1;
                        dn1 = this.dn1;
                        inv = this.inv;
                        limit = capacity - 4;
                    }
                }
            } else {
                // |k| shrinks by one: (|k| + l) and f -= 1 at both ends
                r *= (Math.abs(kOld) + l[link]) * dn1[fh] * dn1[fn];
                if (u < r) {
                    k[link] = kOld + dk;
                    f[head] = fh - 1;
                    f[next] = fn - 1;
                    head = next;
                }
            }
        } while (head != tail);
        headSteps += steps;
        worms++;
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
        long s = 0;
        for (int x = 0; x < volume; x++) {
            s += k[x];
        }
        return (double) s / volume;
    }

    @Override
    public double phi2() {
        double s = 0;
        for (int x = 0; x < volume; x++) {
            s += up2[f[x]];
        }
        return s / volume;
    }
}
