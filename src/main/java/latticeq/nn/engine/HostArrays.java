package latticeq.nn.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Bulk copies between ND4J's off-heap arrays and Java arrays (one memory copy, no per-element calls). */
public final class HostArrays {
    private HostArrays() {}

    /** The array itself when it is c-ordered, dense and not a view; otherwise a c-ordered copy. */
    static INDArray dense(INDArray a) {
        return isDenseC(a) ? a : a.dup('c');
    }

    /** True when the elements lie in c order, contiguous, from the start of the buffer (checked by strides). */
    public static boolean isDenseC(INDArray a) {
        return a.offset() == 0 && a.data().length() >= a.length() && isContiguousC(a);
    }

    /** True when the elements lie in c order without gaps (a view may start anywhere in its buffer). */
    public static boolean isContiguousC(INDArray a) {
        long[] shape = a.shape(), stride = a.stride();
        long expect = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expect) return false;
            expect *= shape[i];
        }
        return true;
    }

    /**
     * A c-ordered buffer outside any workspace (so it may outlive the training step that made it),
     * {@code reuse} itself when that already has the shape and type.
     */
    static INDArray detached(INDArray reuse, DataType type, long... shape) {
        if (reuse != null && java.util.Arrays.equals(reuse.shape(), shape) && reuse.dataType() == type) return reuse;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.createUninitialized(type, shape, 'c');
        }
    }

    /**
     * The native address of an array's first element. A view's data() is itself a view buffer whose
     * address pointer already includes the view's offset.
     */
    public static long address(INDArray a) {
        org.bytedeco.javacpp.Pointer p = a.data().addressPointer();
        return p.address() + p.position() * p.sizeof();
    }

    public static float[] readFloat(INDArray a, float[] reuse) {
        INDArray d = dense(a);
        int n = Math.toIntExact(d.length());
        float[] r = reuse != null && reuse.length >= n ? reuse : new float[n];
        floats(d, 0, n).get(r, 0, n);
        return r;
    }

    public static double[] readDouble(INDArray a, double[] reuse) {
        INDArray d = dense(a);
        int n = Math.toIntExact(d.length());
        double[] r = reuse != null && reuse.length >= n ? reuse : new double[n];
        doubles(d, 0, n).get(r, 0, n);
        return r;
    }

    /** Writes n values into a dense c-ordered array ({@link #isDenseC}) starting at element {@code at}. */
    public static void write(float[] src, int n, INDArray dst, long at) {
        floats(dst, at, n).put(src, 0, n);
    }

    public static void write(double[] src, int n, INDArray dst, long at) {
        doubles(dst, at, n).put(src, 0, n);
    }

    // NIO views of the native memory: their bulk get/put are plain memory copies (Unsafe.copyMemory);
    // JavaCPP's Pointer.get/put(array) went through JNI array pinning and cost 12 % of a training step.
    private static java.nio.FloatBuffer floats(INDArray a, long at, int n) {
        return new FloatPointer(a.data().addressPointer()).position(at).limit(at + n).asBuffer();
    }

    private static java.nio.DoubleBuffer doubles(INDArray a, long at, int n) {
        return new DoublePointer(a.data().addressPointer()).position(at).limit(at + n).asBuffer();
    }

    public static void requireFloatOrDouble(DataType t) {
        if (t != DataType.FLOAT && t != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType = " + t + ": the lattice layers support FLOAT and DOUBLE");
        }
    }
}
