package latticeq.symmetry;

import java.util.Arrays;

/**
 * A signed permutation matrix P acting on vectors: (P v)[i] = sign[i] * v[source[i]]. It is
 * orthogonal, P^-1 = P^T. Every symmetry here acts on a field vector (C * N_t * N_x entries,
 * [C][N_t][N_x] order) by one of these. Immutable.
 */
public final class SignedPermutation {

    private final int[] source;
    private final byte[] sign;

    public SignedPermutation(int[] source, byte[] sign) {
        if (source.length != sign.length) {
            throw new IllegalArgumentException("source length " + source.length + " != sign length " + sign.length);
        }
        boolean[] seen = new boolean[source.length];
        for (int i = 0; i < source.length; i++) {
            int s = source[i];
            if (s < 0 || s >= source.length || seen[s]) {
                throw new IllegalArgumentException("source[" + i + "] = " + s + ": need a permutation of 0.." + (source.length - 1));
            }
            seen[s] = true;
            if (sign[i] != 1 && sign[i] != -1) throw new IllegalArgumentException("sign[" + i + "] = " + sign[i] + ": need +1 or -1");
        }
        this.source = source.clone();
        this.sign = sign.clone();
    }

    public static SignedPermutation identity(int size) {
        int[] s = new int[size];
        byte[] g = new byte[size];
        for (int i = 0; i < size; i++) {
            s[i] = i;
            g[i] = 1;
        }
        return new SignedPermutation(s, g);
    }

    public int size() {
        return source.length;
    }

    public int source(int i) {
        return source[i];
    }

    public int sign(int i) {
        return sign[i];
    }

    /** P^-1 = P^T: (P^T w)[source[i]] = sign[i] w[i]. */
    public SignedPermutation inverse() {
        int[] s = new int[source.length];
        byte[] g = new byte[source.length];
        for (int i = 0; i < source.length; i++) {
            s[source[i]] = i;
            g[source[i]] = sign[i];
        }
        return new SignedPermutation(s, g);
    }

    /** this * other (apply {@code other} first). */
    public SignedPermutation compose(SignedPermutation other) {
        if (other.size() != size()) throw new IllegalArgumentException("size " + other.size() + " != " + size());
        int[] s = new int[source.length];
        byte[] g = new byte[source.length];
        for (int i = 0; i < source.length; i++) {
            s[i] = other.source[source[i]];
            g[i] = (byte) (sign[i] * other.sign[source[i]]);
        }
        return new SignedPermutation(s, g);
    }

    /** out[outOff + i] = sign[i] * in[inOff + source[i]] for i < size(); in and out must differ. */
    public void apply(double[] in, int inOff, double[] out, int outOff) {
        for (int i = 0; i < source.length; i++) out[outOff + i] = sign[i] * in[inOff + source[i]];
    }

    public void apply(float[] in, int inOff, float[] out, int outOff) {
        for (int i = 0; i < source.length; i++) out[outOff + i] = sign[i] * in[inOff + source[i]];
    }

    public void apply(int[] in, int inOff, int[] out, int outOff) {
        for (int i = 0; i < source.length; i++) out[outOff + i] = sign[i] * in[inOff + source[i]];
    }

    /** The dense matrix (row i has sign[i] at column source[i]). */
    public double[][] toMatrix() {
        double[][] m = new double[source.length][source.length];
        for (int i = 0; i < source.length; i++) m[i][source[i]] = sign[i];
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPermutation p && Arrays.equals(source, p.source) && Arrays.equals(sign, p.sign);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(source) * 31 + Arrays.hashCode(sign);
    }
}
