package latticeq.data;

import java.nio.charset.StandardCharsets;

/** The NumPy .npy format, version 1.0: magic, version, header length, a Python-dict header, raw data. */
final class Npy {
    private Npy() {}

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    static int itemSize(String dtype) {
        return switch (dtype) {
            case "<i4", "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new IllegalArgumentException("dtype = " + dtype + " is not supported: need <i4, <f4 or <f8");
        };
    }

    /** The full header (magic .. newline), padded so the data starts at a multiple of 64 bytes. */
    static byte[] header(String dtype, int[] shape) {
        StringBuilder s = new StringBuilder("{'descr': '").append(dtype).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                s.append(i < shape.length - 1 ? ", " : ",");
            }
        }
        s.append("), }");
        int unpadded = MAGIC.length + 2 + 2 + s.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        s.append(" ".repeat(pad)).append('\n');
        byte[] dict = s.toString().getBytes(StandardCharsets.US_ASCII);
        if (dict.length > 65535) {
            throw new IllegalArgumentException("shape has too many dimensions for a version 1.0 header");
        }
        byte[] out = new byte[MAGIC.length + 4 + dict.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (dict.length & 0xff);
        out[9] = (byte) (dict.length >>> 8);
        System.arraycopy(dict, 0, out, 10, dict.length);
        return out;
    }
}
