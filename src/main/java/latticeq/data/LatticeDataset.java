package latticeq.data;

import java.util.Arrays;
import latticeq.lattice.Lattice;
import latticeq.phi4.DualConfiguration;

/**
 * Configurations with their targets, in memory.
 *
 * <p>{@code configs} is [N, 4, N_t, N_x] row-major with channels (k_t, k_x, l_t, l_x);
 * {@code targets} is [N, 2] with (n, |phi|^2) per configuration; {@code mu} is [N]. The record
 * copies arrays in and its accessors return copies, so a LatticeDataset is immutable.
 *
 * @param spec    how the data were made
 * @param configs [N, 4, N_t, N_x] int channels
 * @param targets [N, 2] (n, |phi|^2)
 * @param mu      [N] chemical potential of each sample
 */
public record LatticeDataset(DatasetSpec spec, int[] configs, double[] targets, double[] mu) {

    public static final int CHANNELS = 4;
    public static final int TARGETS = 2;

    public LatticeDataset {
        int n = mu.length;
        int per = CHANNELS * spec.nt() * spec.nx();
        if ((long) n * per != configs.length) {
            throw new IllegalArgumentException("configs has length " + configs.length + ": need N * 4 * N_t * N_x = " + (long) n * per);
        }
        if (targets.length != TARGETS * n) {
            throw new IllegalArgumentException("targets has length " + targets.length + ": need 2 N = " + TARGETS * n);
        }
        configs = configs.clone();
        targets = targets.clone();
        mu = mu.clone();
    }

    public int size() {
        return mu.length;
    }

    public Lattice lattice() {
        return spec.lattice();
    }

    /** Shape of the feature tensor: {N, 4, N_t, N_x}. */
    public int[] featureShape() {
        return new int[] {size(), CHANNELS, spec.nt(), spec.nx()};
    }

    @Override
    public int[] configs() {
        return configs.clone();
    }

    @Override
    public double[] targets() {
        return targets.clone();
    }

    @Override
    public double[] mu() {
        return mu.clone();
    }

    /** The features as float, [N, 4, N_t, N_x] row-major (ready for an ND4J or DL4J tensor). */
    public float[] featuresAsFloat() {
        float[] out = new float[configs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = configs[i];
        }
        return out;
    }

    /** Features of samples [from, to) as float, [to - from, 4, N_t, N_x] row-major (one batch). */
    public float[] featuresAsFloat(int from, int to) {
        checkRange(from, to);
        int per = CHANNELS * spec.nt() * spec.nx();
        float[] out = new float[(to - from) * per];
        for (int i = 0; i < out.length; i++) {
            out[i] = configs[from * per + i];
        }
        return out;
    }

    /** The targets as float, [N, 2] row-major. */
    public float[] targetsAsFloat() {
        return targetsAsFloat(0, size());
    }

    /** Targets of samples [from, to) as float, [to - from, 2] row-major. */
    public float[] targetsAsFloat(int from, int to) {
        checkRange(from, to);
        float[] out = new float[TARGETS * (to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) targets[TARGETS * from + i];
        }
        return out;
    }

    /** One entry of the feature tensor without copying: channel 0..3 = k_t, k_x, l_t, l_x. */
    public int feature(int sample, int channel, int t, int x) {
        return configs[((sample * CHANNELS + channel) * spec.nt() + t) * spec.nx() + x];
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not allowed: need 0 <= from <= to <= " + size());
        }
    }

    /** n of sample i. */
    public double density(int i) {
        return targets[TARGETS * i];
    }

    /** |phi|^2 of sample i. */
    public double phi2(int i) {
        return targets[TARGETS * i + 1];
    }

    public double mu(int i) {
        return mu[i];
    }

    /** Temporal winding number of sample i (n N_x, an integer). */
    public int winding(int i) {
        return (int) Math.round(density(i) * spec.nx());
    }

    /** Sample i as a dual configuration. */
    public DualConfiguration configuration(int i) {
        return DualConfiguration.fromChannels(lattice(), configs, i * CHANNELS * spec.nt() * spec.nx());
    }

    /** The first {@code n} samples (the data are shuffled over mu when the spec says so). */
    public LatticeDataset subset(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("n = " + n + " is not allowed: need 0 <= n <= " + size());
        }
        int per = CHANNELS * spec.nt() * spec.nx();
        return new LatticeDataset(spec, Arrays.copyOf(configs, n * per), Arrays.copyOf(targets, TARGETS * n), Arrays.copyOf(mu, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatticeDataset d && d.spec.equals(spec) && Arrays.equals(d.configs, configs)
                && Arrays.equals(d.targets, targets) && Arrays.equals(d.mu, mu);
    }

    @Override
    public int hashCode() {
        return 31 * spec.hashCode() + Arrays.hashCode(mu);
    }

    @Override
    public String toString() {
        return "LatticeDataset[" + lattice() + ", " + size() + " samples, mu " + spec.mus() + ", seed " + spec.seed() + "]";
    }
}
