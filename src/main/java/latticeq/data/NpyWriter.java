package latticeq.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import latticeq.io.AtomicFiles;
import latticeq.io.CacheKey;

/**
 * Writes little-endian {@code .npy} files (version 1.0, C order) that NumPy reads unchanged with
 * {@code numpy.load}. Each write is atomic ({@link AtomicFiles}) and returns the sha256 of the file's bytes.
 */
public final class NpyWriter {
    private NpyWriter() {}

    /** int32 ('&lt;i4'). */
    public static String writeInt32(Path file, int[] data, int... shape) throws IOException {
        checkShape("int32", data.length, shape);
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(data);
        return write(file, "<i4", shape, b.array());
    }

    /** float32 ('&lt;f4'). */
    public static String writeFloat32(Path file, float[] data, int... shape) throws IOException {
        checkShape("float32", data.length, shape);
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return write(file, "<f4", shape, b.array());
    }

    /** float64 ('&lt;f8'). */
    public static String writeFloat64(Path file, double[] data, int... shape) throws IOException {
        checkShape("float64", data.length, shape);
        ByteBuffer b = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(data);
        return write(file, "<f8", shape, b.array());
    }

    private static void checkShape(String what, int length, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape = " + Arrays.toString(shape) + " is not allowed: need every dimension >= 0");
            }
        }
        if (Npy.elements(shape) != length) {
            throw new IllegalArgumentException("shape = " + Arrays.toString(shape) + " does not fit " + length + " " + what
                    + " values: need the product of the shape to equal the data length");
        }
    }

    private static String write(Path file, String dtype, int[] shape, byte[] payload) throws IOException {
        return AtomicFiles.write(file, tmp -> {
            MessageDigest sha = CacheKey.sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                out.write(Npy.header(dtype, shape));
                out.write(payload);
            }
            return CacheKey.hex(sha.digest());
        });
    }
}
