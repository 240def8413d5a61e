package latticeq.dynamics;

import java.util.List;
import latticeq.data.DatasetGenerator;
import latticeq.data.DatasetSpec;
import latticeq.data.LatticeDataset;
import latticeq.lattice.Lattice;
import latticeq.progress.ProgressListener;
import latticeq.symmetry.LinkLift;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Square-lattice configurations of the dual phi^4 theory at mu = 0 (where C4 and D4 are
 * symmetries) with |phi|^2 as the regression target: lifted link inputs [N, 8, L, L] in float64,
 * divided by one global scale (a scalar commutes with every group action), and standardised
 * targets [N, 1].
 *
 * @param lattice     the L x L lattice
 * @param features    lifted link fields, float64
 * @param labels      (|phi|^2 - mean) / std, float64
 * @param targetMean  mean of |phi|^2 over the data
 * @param targetStd   standard deviation of |phi|^2 over the data
 * @param spec        how the configurations were sampled
 */
public record RegressionData(Lattice lattice, INDArray features, INDArray labels, double targetMean, double targetStd,
                             DatasetSpec spec) {

    /**
     * Samples {@code samples} configurations with the worm sampler at the paper's couplings
     * (eta = 4.01, lambda = 1), mu = 0.
     */
    public static RegressionData phi2AtZeroMu(int side, int samples, int thermSweeps, int decorrelationSweeps, long seed,
                                              ProgressListener progress) {
        if (side < 3) throw new IllegalArgumentException("side = " + side + ": need >= 3 (3x3 kernels)");
        if (samples < 2) throw new IllegalArgumentException("samples = " + samples + ": need >= 2");
        DatasetSpec spec = DatasetSpec.paper(side, side, List.of(0.0), samples, thermSweeps, decorrelationSweeps, seed);
        LatticeDataset d = DatasetGenerator.generate(spec, 1, progress == null ? ProgressListener.none() : progress);
        return of(d);
    }

    /** Wraps a generated dataset (square lattice) with |phi|^2 as the target. */
    public static RegressionData of(LatticeDataset d) {
        Lattice lat = d.lattice();
        if (lat.nt() != lat.nx()) throw new IllegalArgumentException("lattice " + lat + ": need a square lattice for C4 and D4");
        int n = d.size();
        int[] c = d.configs();
        double[] raw = new double[c.length];
        double sq = 0;
        for (int i = 0; i < c.length; i++) {
            raw[i] = c[i];
            sq += raw[i] * raw[i];
        }
        double scale = Math.sqrt(sq / c.length);
        if (scale > 0) for (int i = 0; i < raw.length; i++) raw[i] /= scale;
        double[] lifted = LinkLift.liftBatch(lat, raw, n);
        INDArray x = Nd4j.create(lifted, new long[] {n, 8, lat.nt(), lat.nx()}, DataType.DOUBLE);
        double mean = 0;
        for (int i = 0; i < n; i++) mean += d.phi2(i) / n;
        double var = 0;
        for (int i = 0; i < n; i++) var += (d.phi2(i) - mean) * (d.phi2(i) - mean) / Math.max(1, n - 1);
        double std = Math.sqrt(var) > 0 ? Math.sqrt(var) : 1;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = (d.phi2(i) - mean) / std;
        return new RegressionData(lat, x, Nd4j.create(y, new long[] {n, 1}, DataType.DOUBLE), mean, std, d.spec());
    }

    public int size() {
        return (int) features.size(0);
    }

    /** Rows [from, to). */
    public INDArray features(int from, int to) {
        return features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)).dup();
    }

    /** Rows [from, to). */
    public INDArray labels(int from, int to) {
        return labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)).dup();
    }
}
