package latticeq.symmetry;

import latticeq.lattice.Lattice;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lifts raw link channels (k_t, k_x, l_t, l_x), each link stored at its starting site, to the
 * eight site-centred channels of {@link ChannelRepresentation#LIFTED_LINK}:
 * (k_t(x), k_x(x), k_t(x - t^), k_x(x - x^), l_t(x), l_x(x), l_t(x - t^), l_x(x - x^)).
 * Every point symmetry acts on the lifted field as a grid transformation times a signed
 * permutation of channels, and lift(g . raw) = g . lift(raw) for every lattice symmetry g.
 * {@link #drop} recovers the raw channels (channels 0, 1, 4, 5).
 */
public final class LinkLift {
    private LinkLift() {}

    /** One raw field [4][N_t][N_x] to a lifted field [8][N_t][N_x]. */
    public static double[] lift(Lattice lattice, double[] raw) {
        return liftBatch(lattice, raw, 1);
    }

    /** n raw fields back to back to n lifted fields. */
    public static double[] liftBatch(Lattice lattice, double[] raw, int n) {
        int v = lattice.volume();
        if (raw.length != (long) n * 4 * v) {
            throw new IllegalArgumentException("raw length " + raw.length + ": need n * 4 * N_t * N_x = " + (long) n * 4 * v + " for lattice " + lattice);
        }
        double[] out = new double[n * 8 * v];
        for (int i = 0; i < n; i++) {
            int in = i * 4 * v, o = i * 8 * v;
            for (int s = 0; s < v; s++) {
                for (int nu = 0; nu < 2; nu++) {
                    int b = lattice.backward(s, nu);
                    out[o + nu * v + s] = raw[in + nu * v + s];
                    out[o + (2 + nu) * v + s] = raw[in + nu * v + b];
                    out[o + (4 + nu) * v + s] = raw[in + (2 + nu) * v + s];
                    out[o + (6 + nu) * v + s] = raw[in + (2 + nu) * v + b];
                }
            }
        }
        return out;
    }

    /** An NCHW batch [N, 4, N_t, N_x] to [N, 8, N_t, N_x], same data type. */
    public static INDArray lift(INDArray raw) {
        if (raw == null || raw.rank() != 4) {
            throw new IllegalArgumentException("raw has shape " + (raw == null ? "null" : java.util.Arrays.toString(raw.shape())) + ": need NCHW [N, 4, N_t, N_x]");
        }
        FieldType.rawLink().requireChannels(raw.size(1), "raw link batch");
        Lattice lat = new Lattice((int) raw.size(2), (int) raw.size(3));
        int n = (int) raw.size(0);
        double[] d = liftBatch(lat, FieldAction.doubles(raw), n);
        INDArray out = Nd4j.create(d, new long[] {n, 8, lat.nt(), lat.nx()}, DataType.DOUBLE);
        return raw.dataType() == DataType.DOUBLE ? out : out.castTo(raw.dataType());
    }

    /** The raw channels (0, 1, 4, 5) of lifted fields. */
    public static double[] dropBatch(Lattice lattice, double[] lifted, int n) {
        int v = lattice.volume();
        if (lifted.length != (long) n * 8 * v) {
            throw new IllegalArgumentException("lifted length " + lifted.length + ": need n * 8 * N_t * N_x = " + (long) n * 8 * v);
        }
        double[] out = new double[n * 4 * v];
        int[] keep = {0, 1, 4, 5};
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 4; c++) System.arraycopy(lifted, (i * 8 + keep[c]) * v, out, (i * 4 + c) * v, v);
        }
        return out;
    }

    public static double[] drop(Lattice lattice, double[] lifted) {
        return dropBatch(lattice, lifted, 1);
    }
}
