package latticeq.symmetry;

import java.util.Arrays;

/**
 * How one point element acts on the channels of a field: output channel j at site q is
 * {@code sign[j] * input[source[j]](g^-1 (q + (offsetT[j], offsetX[j])))}. Site-centred
 * representations have zero offsets, so the action is a grid transformation times a signed
 * permutation of channels; raw link channels have a one-site offset where a link reverses.
 * Immutable (arrays are copied in and out).
 */
public record ChannelMap(int[] source, int[] sign, int[] offsetT, int[] offsetX) {

    public ChannelMap {
        int n = source.length;
        if (sign.length != n || offsetT.length != n || offsetX.length != n) {
            throw new IllegalArgumentException("ChannelMap arrays must have equal length: source " + n + ", sign " + sign.length
                    + ", offsetT " + offsetT.length + ", offsetX " + offsetX.length);
        }
        for (int s : sign) {
            if (s != 1 && s != -1) throw new IllegalArgumentException("sign = " + s + ": need +1 or -1");
        }
        source = source.clone();
        sign = sign.clone();
        offsetT = offsetT.clone();
        offsetX = offsetX.clone();
    }

    public static ChannelMap pure(int[] source, int[] sign) {
        return new ChannelMap(source, sign, new int[source.length], new int[source.length]);
    }

    public int channels() {
        return source.length;
    }

    public int source(int j) {
        return source[j];
    }

    public int sign(int j) {
        return sign[j];
    }

    public int offsetT(int j) {
        return offsetT[j];
    }

    public int offsetX(int j) {
        return offsetX[j];
    }

    @Override
    public int[] source() {
        return source.clone();
    }

    @Override
    public int[] sign() {
        return sign.clone();
    }

    @Override
    public int[] offsetT() {
        return offsetT.clone();
    }

    @Override
    public int[] offsetX() {
        return offsetX.clone();
    }

    /** True if no channel has a site offset. */
    public boolean isSiteCentred() {
        for (int j = 0; j < source.length; j++) {
            if (offsetT[j] != 0 || offsetX[j] != 0) return false;
        }
        return true;
    }

    /** The channels of this map followed by those of {@code other} (source indices shifted). */
    public ChannelMap concat(ChannelMap other) {
        int n = channels(), m = other.channels();
        int[] s = Arrays.copyOf(source, n + m), sg = Arrays.copyOf(sign, n + m);
        int[] ot = Arrays.copyOf(offsetT, n + m), ox = Arrays.copyOf(offsetX, n + m);
        for (int j = 0; j < m; j++) {
            s[n + j] = other.source[j] + n;
            sg[n + j] = other.sign[j];
            ot[n + j] = other.offsetT[j];
            ox[n + j] = other.offsetX[j];
        }
        return new ChannelMap(s, sg, ot, ox);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelMap c && Arrays.equals(source, c.source) && Arrays.equals(sign, c.sign)
                && Arrays.equals(offsetT, c.offsetT) && Arrays.equals(offsetX, c.offsetX);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(source) * 31 + Arrays.hashCode(sign);
    }

    @Override
    public String toString() {
        return "ChannelMap[source=" + Arrays.toString(source) + ", sign=" + Arrays.toString(sign) + ", offsetT="
                + Arrays.toString(offsetT) + ", offsetX=" + Arrays.toString(offsetX) + "]";
    }
}
