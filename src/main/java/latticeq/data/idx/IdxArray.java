package latticeq.data.idx;

import java.util.Arrays;

/**
 * An unsigned-byte IDX array: its dimensions and values 0..255 in row-major order. Immutable
 * (arrays are copied in; {@link #get} reads without copying).
 */
public final class IdxArray {

    private final int[] dims;
    private final byte[] data;

    IdxArray(int[] dims, byte[] data) {
        long n = 1;
        for (int d : dims) n *= d;
        if (n != data.length) throw new IllegalArgumentException("data length " + data.length + " != product of dims " + Arrays.toString(dims) + " = " + n);
        this.dims = dims.clone();
        this.data = data;
    }

    public int[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    public long length() {
        return data.length;
    }

    /** Value (0..255) at flat row-major index. */
    public int get(int index) {
        return data[index] & 0xff;
    }

    @Override
    public String toString() {
        return "IdxArray[ubyte " + Arrays.toString(dims) + "]";
    }
}
