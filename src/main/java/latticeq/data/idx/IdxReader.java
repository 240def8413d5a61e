package latticeq.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format): magic number 0x00 0x00, a type byte (only
 * 0x08 = unsigned byte is supported), the number of dimensions, that many big-endian int32
 * sizes, then the data. gzip compression is detected from the first two bytes (0x1f 0x8b).
 * Everything is validated: magic, type, rank, non-negative sizes, and that the file holds
 * exactly header + product(sizes) bytes (no truncation, no trailing bytes).
 */
public final class IdxReader {
    private IdxReader() {}

    /** Largest decompressed file accepted (the Fashion-MNIST training images are 47 MB). */
    public static final long MAX_BYTES = 1L << 30;

    public static IdxArray read(Path file) throws IOException {
        if (file == null) throw new IllegalArgumentException("file = null: need a path to an IDX file");
        byte[] bytes = readAll(file);
        return parse(bytes, file.toString());
    }

    /** An idx3 image file: [count][rows][cols]. */
    public static IdxImages readImages(Path file) throws IOException {
        IdxArray a = read(file);
        if (a.rank() != 3) {
            throw new IdxFormatException(file + ": image file has " + a.rank() + " dimensions " + Arrays.toString(a.dims())
                    + ": need 3 (idx3: count, rows, cols; magic 0x00000803)");
        }
        return new IdxImages(a);
    }

    /** An idx1 label file: [count]. */
    public static IdxLabels readLabels(Path file) throws IOException {
        IdxArray a = read(file);
        if (a.rank() != 1) {
            throw new IdxFormatException(file + ": label file has " + a.rank() + " dimensions " + Arrays.toString(a.dims())
                    + ": need 1 (idx1: count; magic 0x00000801)");
        }
        return new IdxLabels(a);
    }

    static IdxArray parse(byte[] b, String name) throws IdxFormatException {
        if (b.length < 4) throw new IdxFormatException(name + ": file has " + b.length + " bytes: need at least 4 for the magic number");
        if (b[0] != 0 || b[1] != 0) {
            throw new IdxFormatException(name + String.format(": magic number starts with 0x%02x%02x: need 0x0000 (IDX)", b[0] & 0xff, b[1] & 0xff));
        }
        int type = b[2] & 0xff, rank = b[3] & 0xff;
        if (type != 0x08) {
            throw new IdxFormatException(name + String.format(": data type 0x%02x is not supported: need 0x08 (unsigned byte)", type));
        }
        if (rank < 1 || rank > 8) throw new IdxFormatException(name + ": number of dimensions " + rank + ": need 1..8");
        long header = 4L + 4L * rank;
        if (b.length < header) {
            throw new IdxFormatException(name + ": file has " + b.length + " bytes, shorter than the " + header + "-byte header for " + rank + " dimensions");
        }
        int[] dims = new int[rank];
        long n = 1;
        for (int i = 0; i < rank; i++) {
            int o = 4 + 4 * i;
            dims[i] = ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
            if (dims[i] < 0) throw new IdxFormatException(name + ": dimension " + i + " = " + dims[i] + ": need >= 0");
            n *= dims[i];
            if (n > MAX_BYTES) throw new IdxFormatException(name + ": dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1)) + " exceed " + MAX_BYTES + " bytes");
        }
        long expected = header + n;
        if (b.length != expected) {
            throw new IdxFormatException(name + ": file has " + b.length + " bytes but header " + header + " + data " + n + " (dims "
                    + Arrays.toString(dims) + ") = " + expected + (b.length < expected ? ": truncated" : ": trailing bytes"));
        }
        return new IdxArray(dims, Arrays.copyOfRange(b, (int) header, b.length));
    }

    private static byte[] readAll(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IdxFormatException(file + ": not a regular file");
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            int r = in.readNBytes(head, 0, 2);
            if (r < 2) return Files.readAllBytes(file);
        }
        if ((head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
            if (Files.size(file) > MAX_BYTES) throw new IdxFormatException(file + ": " + Files.size(file) + " bytes exceed " + MAX_BYTES);
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int r; (r = in.read(buf)) > 0; ) {
                total += r;
                if (total > MAX_BYTES) throw new IdxFormatException(file + ": decompressed size exceeds " + MAX_BYTES + " bytes");
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IdxFormatException(file + ": corrupt gzip stream (" + e.getMessage() + ")");
        }
    }
}
