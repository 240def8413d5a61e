package latticeq.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import latticeq.io.CacheKey;

/**
 * Reads {@code .npy} files (versions 1.0 to 3.0) with dtypes '&lt;i4', '&lt;f4', '&lt;f8' in C order.
 * Every problem (bad magic, unsupported dtype or order, shape or length mismatch) is an
 * {@link NpyFormatException} naming the file and what is wrong.
 */
public final class NpyReader {
    private NpyReader() {}

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static NpyArray read(Path file) throws IOException {
        return parse(file, Files.readAllBytes(file));
    }

    /** Reads and checks dtype and shape; a mismatch names the file, the expected and the found value. */
    public static NpyArray read(Path file, String dtype, int... shape) throws IOException {
        NpyArray a = read(file);
        if (!a.dtype().equals(dtype)) {
            throw new NpyFormatException(file + ": dtype is '" + a.dtype() + "', expected '" + dtype + "'");
        }
        if (!Arrays.equals(a.shape(), shape)) {
            throw new NpyFormatException(file + ": shape is " + Arrays.toString(a.shape()) + ", expected " + Arrays.toString(shape));
        }
        return a;
    }

    /** sha256 (lower-case hex) of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        return CacheKey.hex(CacheKey.sha256().digest(Files.readAllBytes(file)));
    }

    static NpyArray parse(Path file, byte[] bytes) throws NpyFormatException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), Npy.MAGIC)) {
            throw new NpyFormatException(file + ": not a .npy file (bad magic string, expected \\x93NUMPY)");
        }
        int major = bytes[6] & 0xff;
        int headerLength;
        int dataStart;
        if (major == 1) {
            headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            dataStart = 10 + headerLength;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new NpyFormatException(file + ": truncated header");
            }
            headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8 | (bytes[10] & 0xff) << 16 | (bytes[11] & 0xff) << 24;
            dataStart = 12 + headerLength;
        } else {
            throw new NpyFormatException(file + ": unsupported .npy format version " + major + " (need 1, 2 or 3)");
        }
        if (headerLength < 0 || dataStart > bytes.length) {
            throw new NpyFormatException(file + ": truncated header (header length " + headerLength + ", file " + bytes.length + " bytes)");
        }
        String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), o = ORDER.matcher(header), s = SHAPE.matcher(header);
        if (!d.find() || !o.find() || !s.find()) {
            throw new NpyFormatException(file + ": malformed header " + header.strip());
        }
        String dtype = d.group(1);
        if (!dtype.equals("<i4") && !dtype.equals("<f4") && !dtype.equals("<f8")) {
            throw new NpyFormatException(file + ": dtype '" + dtype + "' is not supported (need '<i4', '<f4' or '<f8')");
        }
        if (o.group(1).equals("True")) {
            throw new NpyFormatException(file + ": Fortran-order arrays are not supported (need C order)");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (!part.isBlank()) {
                try {
                    dims.add(Integer.parseInt(part.strip()));
                } catch (NumberFormatException e) {
                    throw new NpyFormatException(file + ": malformed shape (" + s.group(1) + ")");
                }
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long expected = Npy.elements(shape) * Npy.itemSize(dtype);
        long found = bytes.length - dataStart;
        if (found != expected) {
            throw new NpyFormatException(file + ": data has " + found + " bytes, shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + expected + " (truncated or padded file)");
        }
        return new NpyArray(dtype, shape, ByteBuffer.wrap(bytes, dataStart, (int) found).slice());
    }
}
