package latticeq.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAllThreeDtypes() throws IOException {
        int[] ints = {1, -2, 3, Integer.MIN_VALUE, Integer.MAX_VALUE, 0};
        NpyWriter.writeInt32(dir.resolve("i.npy"), ints, 2, 3);
        NpyArray a = NpyReader.read(dir.resolve("i.npy"), "<i4", 2, 3);
        assertArrayEquals(ints, a.asInt32());
        float[] floats = {1.5f, -0f, Float.NaN, 1e-30f};
        NpyWriter.writeFloat32(dir.resolve("f.npy"), floats, 4);
        assertArrayEquals(floats, NpyReader.read(dir.resolve("f.npy")).asFloat32());
        double[] doubles = {Math.PI, -1e300, 0.1};
        NpyWriter.writeFloat64(dir.resolve("d.npy"), doubles, 3, 1);
        NpyArray d = NpyReader.read(dir.resolve("d.npy"));
        assertArrayEquals(new int[] {3, 1}, d.shape());
        assertArrayEquals(doubles, d.asFloat64());
        // only the three files remain: temporary files were renamed away
        try (var s = Files.list(dir)) {
            assertEquals(3, s.count());
        }
    }

    @Test
    void headerIsNumpyVersionOneAlignedTo64Bytes() throws IOException {
        NpyWriter.writeFloat64(dir.resolve("a.npy"), new double[5], 5);
        byte[] b = Files.readAllBytes(dir.resolve("a.npy"));
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(b, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 40, b.length);
    }

    @Test
    void rejectsBadMagicTruncationWrongDtypeAndShapeWithClearMessages() throws IOException {
        Path f = dir.resolve("x.npy");
        NpyWriter.writeInt32(f, new int[12], 3, 4);
        byte[] good = Files.readAllBytes(f);

        byte[] bad = good.clone();
        bad[1] = 'X';
        Files.write(f, bad);
        assertTrue(assertThrows(NpyFormatException.class, () -> NpyReader.read(f)).getMessage().contains("bad magic"));

        Files.write(f, Arrays.copyOf(good, good.length - 4));
        assertTrue(assertThrows(NpyFormatException.class, () -> NpyReader.read(f)).getMessage().contains("truncated"));

        Files.write(f, good);
        String m = assertThrows(NpyFormatException.class, () -> NpyReader.read(f, "<f8", 3, 4)).getMessage();
        assertTrue(m.contains("dtype") && m.contains("<i4") && m.contains("<f8"), m);
        m = assertThrows(NpyFormatException.class, () -> NpyReader.read(f, "<i4", 4, 3)).getMessage();
        assertTrue(m.contains("shape") && m.contains("[3, 4]"), m);

        byte[] big = new String(good, StandardCharsets.ISO_8859_1).replace("<i4", ">i4").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, big);
        assertTrue(assertThrows(NpyFormatException.class, () -> NpyReader.read(f)).getMessage().contains("'>i4' is not supported"));
    }

    @Test
    void writerRejectsAShapeThatDoesNotFitTheData() {
        var e = assertThrows(IllegalArgumentException.class, () -> NpyWriter.writeInt32(dir.resolve("y.npy"), new int[5], 2, 3));
        assertTrue(e.getMessage().startsWith("shape = [2, 3]"), e.getMessage());
    }

    /** NumPy itself reads what we write, and we read what NumPy writes (skipped without /usr/bin/python3 + numpy). */
    @Test
    void numpyReadsOurFilesAndWeReadNumpys() throws Exception {
        Assumptions.assumeTrue(run("import numpy") == 0, "/usr/bin/python3 with numpy not available");
        NpyWriter.writeInt32(dir.resolve("i.npy"), new int[] {1, -2, 3, 4, 5, 6}, 1, 2, 3);
        NpyWriter.writeFloat32(dir.resolve("f.npy"), new float[] {0.5f, -1.25f}, 2);
        NpyWriter.writeFloat64(dir.resolve("d.npy"), new double[] {Math.PI, 2.5}, 2, 1);
        String check = String.join(";",
                "import numpy as np",
                "i = np.load(r'" + dir.resolve("i.npy") + "')",
                "assert i.dtype == np.dtype('<i4') and i.shape == (1, 2, 3) and i.tolist() == [[[1, -2, 3], [4, 5, 6]]], i",
                "f = np.load(r'" + dir.resolve("f.npy") + "')",
                "assert f.dtype == np.dtype('<f4') and f.tolist() == [0.5, -1.25]",
                "d = np.load(r'" + dir.resolve("d.npy") + "')",
                "assert d.dtype == np.dtype('<f8') and d.shape == (2, 1) and d[0, 0] == np.pi",
                "np.save(r'" + dir.resolve("np.npy") + "', np.arange(12, dtype='<i4').reshape(3, 4))");
        assertEquals(0, run(check));
        NpyArray a = NpyReader.read(dir.resolve("np.npy"), "<i4", 3, 4);
        assertEquals(11, a.asInt32()[11]);
    }

    static int run(String python) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return -1;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", python).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0 && !python.equals("import numpy")) {
            System.err.println(out);
        }
        return p.exitValue();
    }
}
