package latticeq.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An array read from a {@code .npy} file: its dtype descriptor ('&lt;i4', '&lt;f4' or '&lt;f8'),
 * its C-order shape and its little-endian element bytes.
 */
public final class NpyArray {

    private final String dtype;
    private final int[] shape;
    private final ByteBuffer data;

    NpyArray(String dtype, int[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    public String dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (product of the shape). */
    public long size() {
        return Npy.elements(shape);
    }

    public int[] asInt32() {
        require("<i4");
        int[] out = new int[(int) size()];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    public float[] asFloat32() {
        require("<f4");
        float[] out = new float[(int) size()];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public double[] asFloat64() {
        require("<f8");
        double[] out = new double[(int) size()];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    private void require(String wanted) {
        if (!dtype.equals(wanted)) {
            throw new IllegalStateException("array dtype is " + dtype + ", not " + wanted);
        }
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
