package latticeq.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Writes little-endian {@code .npy} files (version 1.0, C order) that NumPy reads unchanged with
 * {@code numpy.load}. Each write goes to a temporary file in the target directory, which is then
 * renamed over the target (atomic move), and returns the sha256 of the file's bytes.
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
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        MessageDigest sha = sha256();
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                out.write(Npy.header(dtype, shape));
                out.write(payload);
            }
            readableByAll(tmp, false);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Temp files and directories are created private (0600/0700); the results should be 0644/0755 like any other output. */
    static void readableByAll(Path p, boolean directory) throws IOException {
        if (Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
