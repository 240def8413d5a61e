package latticeq.symmetry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import latticeq.lattice.Lattice;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The action of one lattice symmetry g on fields of one {@link FieldType}: a signed permutation
 * of the C * N_t * N_x entries of a field in [C][N_t][N_x] order,
 * {@code (g.f)[c](q) = sign * f[source channel](g^-1 (q + offset))}. Applies to single fields and
 * batches [N][C][N_t][N_x] as int/float/double arrays, and to ND4J batches in NCHW layout
 * (C channels, H = N_t, W = N_x); values are only permuted and negated, so the result is exact in
 * every data type. Compiled actions are cached. Immutable.
 */
public final class FieldAction {

    private static final int CACHE_LIMIT = 4096;
    private static final Map<Key, FieldAction> CACHE = new ConcurrentHashMap<>();

    private record Key(FieldType type, LatticeSymmetry g) {}

    private final FieldType type;
    private final LatticeSymmetry element;
    private final SignedPermutation permutation;

    private FieldAction(FieldType type, LatticeSymmetry g) {
        this.type = type;
        this.element = g;
        this.permutation = compile(type, g);
    }

    /** The (cached) action of {@code g} on fields of {@code type}. */
    public static FieldAction of(FieldType type, LatticeSymmetry g) {
        if (type == null) throw new IllegalArgumentException("type = null: need a FieldType");
        if (g == null) throw new IllegalArgumentException("g = null: need a LatticeSymmetry");
        Key key = new Key(type, g);
        FieldAction a = CACHE.get(key);
        if (a == null) {
            if (CACHE.size() > CACHE_LIMIT) CACHE.clear();
            a = new FieldAction(type, g);
            CACHE.put(key, a);
        }
        return a;
    }

    private static SignedPermutation compile(FieldType type, LatticeSymmetry g) {
        Lattice lat = g.lattice();
        int v = lat.volume(), nx = lat.nx(), c = type.channels();
        ChannelMap m = type.map(g.point());
        int[] src = new int[c * v];
        byte[] sign = new byte[c * v];
        for (int j = 0; j < c; j++) {
            int sc = m.source(j), sg = m.sign(j), ot = m.offsetT(j), ox = m.offsetX(j);
            for (int q = 0; q < v; q++) {
                int p = g.preimageSite(q / nx + ot, q % nx + ox);
                src[j * v + q] = sc * v + p;
                sign[j * v + q] = (byte) sg;
            }
        }
        return new SignedPermutation(src, sign);
    }

    public FieldType type() {
        return type;
    }

    public LatticeSymmetry element() {
        return element;
    }

    public Lattice lattice() {
        return element.lattice();
    }

    /** Entries of one field: C * N_t * N_x. */
    public int fieldSize() {
        return permutation.size();
    }

    /** The signed permutation matrix of this action on field vectors (orthogonal). */
    public SignedPermutation permutation() {
        return permutation;
    }

    public int[] apply(int[] field) {
        requireLength(field.length, 1);
        int[] out = new int[field.length];
        permutation.apply(field, 0, out, 0);
        return out;
    }

    public float[] apply(float[] field) {
        requireLength(field.length, 1);
        float[] out = new float[field.length];
        permutation.apply(field, 0, out, 0);
        return out;
    }

    public double[] apply(double[] field) {
        requireLength(field.length, 1);
        double[] out = new double[field.length];
        permutation.apply(field, 0, out, 0);
        return out;
    }

    /** A batch of {@code n} fields stored back to back ([N][C][N_t][N_x]). */
    public int[] applyBatch(int[] batch, int n) {
        requireLength(batch.length, n);
        int[] out = new int[batch.length];
        for (int i = 0, s = fieldSize(); i < n; i++) permutation.apply(batch, i * s, out, i * s);
        return out;
    }

    public float[] applyBatch(float[] batch, int n) {
        requireLength(batch.length, n);
        float[] out = new float[batch.length];
        for (int i = 0, s = fieldSize(); i < n; i++) permutation.apply(batch, i * s, out, i * s);
        return out;
    }

    public double[] applyBatch(double[] batch, int n) {
        requireLength(batch.length, n);
        double[] out = new double[batch.length];
        for (int i = 0, s = fieldSize(); i < n; i++) permutation.apply(batch, i * s, out, i * s);
        return out;
    }

    /** A new NCHW batch [N, C, N_t, N_x] of the same data type, every sample transformed by g. */
    public INDArray apply(INDArray batch) {
        long n = checkBatch(batch, type, element.lattice());
        if (!isSingleOrLess(batch.dataType())) {
            double[] d = applyBatch(doubles(batch), (int) n);
            INDArray out = Nd4j.create(d, batch.shape(), DataType.DOUBLE);
            return batch.dataType() == DataType.DOUBLE ? out : out.castTo(batch.dataType());
        }
        float[] f = applyBatch(floats(batch), (int) n);
        INDArray out = Nd4j.create(f, batch.shape(), DataType.FLOAT);
        return batch.dataType() == DataType.FLOAT ? out : out.castTo(batch.dataType());
    }

    /**
     * Applies element {@code elements.get(i)} to sample i of an NCHW batch (per-sample random
     * augmentation). All elements must act on the batch's lattice.
     */
    public static INDArray applyEach(FieldType type, List<LatticeSymmetry> elements, INDArray batch) {
        if (elements == null || elements.isEmpty()) throw new IllegalArgumentException("elements = " + elements + ": need one element per sample");
        long n = checkBatch(batch, type, elements.get(0).lattice());
        if (elements.size() != n) {
            throw new IllegalArgumentException("elements has " + elements.size() + " entries but the batch has N = " + n + " samples: need one per sample");
        }
        int s = (int) (batch.length() / n);
        if (!isSingleOrLess(batch.dataType())) {
            double[] in = doubles(batch), out = new double[in.length];
            for (int i = 0; i < n; i++) of(type, elements.get(i)).permutation.apply(in, i * s, out, i * s);
            INDArray r = Nd4j.create(out, batch.shape(), DataType.DOUBLE);
            return batch.dataType() == DataType.DOUBLE ? r : r.castTo(batch.dataType());
        }
        float[] in = floats(batch), out = new float[in.length];
        for (int i = 0; i < n; i++) of(type, elements.get(i)).permutation.apply(in, i * s, out, i * s);
        INDArray r = Nd4j.create(out, batch.shape(), DataType.FLOAT);
        return batch.dataType() == DataType.FLOAT ? r : r.castTo(batch.dataType());
    }

    /** Float types that a float[] holds exactly; everything else (double, integers) goes through double[]. */
    private static boolean isSingleOrLess(DataType t) {
        return t == DataType.FLOAT || t == DataType.HALF || t == DataType.BFLOAT16;
    }

    /** Checks rank 4, channel count and lattice extents; returns N. */
    static long checkBatch(INDArray batch, FieldType type, Lattice lattice) {
        if (batch == null) throw new IllegalArgumentException("batch = null: need an NCHW INDArray");
        if (batch.rank() != 4) {
            throw new IllegalArgumentException("batch has rank " + batch.rank() + " (shape " + java.util.Arrays.toString(batch.shape())
                    + "): need rank 4, NCHW = [N, C, N_t, N_x]");
        }
        type.requireChannels(batch.size(1), "batch (dimension 1 of shape " + java.util.Arrays.toString(batch.shape()) + ")");
        if (batch.size(2) != lattice.nt() || batch.size(3) != lattice.nx()) {
            throw new IllegalArgumentException("batch lattice " + batch.size(2) + "x" + batch.size(3) + " (H x W) does not match the symmetry's lattice "
                    + lattice + ": need H = N_t = " + lattice.nt() + ", W = N_x = " + lattice.nx());
        }
        return batch.size(0);
    }

    static double[] doubles(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private void requireLength(int length, int n) {
        if (n < 0 || length != (long) n * fieldSize()) {
            throw new IllegalArgumentException("array length " + length + " does not hold " + n + " field(s) of " + type + " on " + lattice()
                    + ": need " + n + " * " + fieldSize() + " = " + (long) n * fieldSize() + " entries");
        }
    }

    @Override
    public String toString() {
        return "FieldAction[" + element + " on " + type + ", " + lattice() + "]";
    }
}
