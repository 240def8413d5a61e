package latticeq.data.idx;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class IdxReaderTest {

    @TempDir
    Path dir;

    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bo)) {
            o.write(raw);
        }
        return bo.toByteArray();
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static byte[] pixels(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) d[i] = (byte) (i * 37 % 256);
        return d;
    }

    @Test
    void readsPlainAndGzippedImagesAndLabels() throws IOException {
        byte[] px = pixels(3 * 4 * 2);
        for (boolean gz : new boolean[] {false, true}) {
            byte[] raw = idx(0x08, new int[] {3, 4, 2}, px);
            IdxImages im = IdxReader.readImages(write("img" + gz, gz ? gzip(raw) : raw));
            assertEquals(3, im.count());
            assertEquals(4, im.rows());
            assertEquals(2, im.cols());
            assertEquals(px[(2 * 4 + 3) * 2 + 1] & 0xff, im.pixel(2, 3, 1));
            assertEquals((px[5] & 0xff) / 255f, im.image(0)[5]);
            INDArray b = im.toNchw(1, 3, 1, DataType.DOUBLE);
            assertArrayEquals(new long[] {2, 1, 4, 2}, b.shape());
            assertEquals((px[8 + 3] & 0xff) / 255.0, b.getDouble(0, 0, 1, 1), 1e-6);
            INDArray down = im.toNchw(0, 3, 2, DataType.FLOAT);
            assertArrayEquals(new long[] {3, 1, 2, 1}, down.shape());
            double mean = ((px[0] & 0xff) + (px[1] & 0xff) + (px[2] & 0xff) + (px[3] & 0xff)) / 4.0 / 255.0;
            assertEquals(mean, down.getDouble(0, 0, 0, 0), 1e-6);
            byte[] lab = {3, 0, 9, 1};
            IdxLabels l = IdxReader.readLabels(write("lab" + gz, gz ? gzip(idx(0x08, new int[] {4}, lab)) : idx(0x08, new int[] {4}, lab)));
            assertArrayEquals(new int[] {3, 0, 9, 1}, l.labels());
            INDArray oh = l.oneHot(0, 4, 10, DataType.FLOAT);
            assertEquals(1.0, oh.getDouble(2, 9));
            assertEquals(4.0, oh.sumNumber().doubleValue());
        }
    }

    @Test
    void rejectsCorruptFilesWithClearMessages() throws IOException {
        byte[] good = idx(0x08, new int[] {2, 3, 3}, pixels(18));
        byte[] badMagic = good.clone();
        badMagic[0] = 1;
        assertMessage(write("m", badMagic), "magic number starts with 0x0100");
        byte[] badType = good.clone();
        badType[2] = 0x0D;
        assertMessage(write("t", badType), "data type 0x0d is not supported");
        assertMessage(write("trunc", Arrays.copyOf(good, good.length - 1)), "truncated");
        assertMessage(write("trail", Arrays.copyOf(good, good.length + 2)), "trailing bytes");
        assertMessage(write("short", new byte[] {0, 0}), "need at least 4");
        assertMessage(write("hdr", new byte[] {0, 0, 8, 3, 0, 0}), "shorter than the 16-byte header");
        byte[] gz = gzip(good);
        assertMessage(write("gzcut", Arrays.copyOf(gz, gz.length - 10)), "corrupt gzip");
        byte[] neg = idx(0x08, new int[] {-1}, new byte[0]);
        assertMessage(write("neg", neg), "dimension 0 = -1");
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(write("rank", good)));
        assertTrue(e.getMessage().contains("need 1"), e.getMessage());
        e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(write("rank1", idx(8, new int[] {4}, pixels(4)))));
        assertTrue(e.getMessage().contains("need 3"), e.getMessage());
        assertThrows(IdxFormatException.class, () -> IdxReader.read(dir.resolve("missing")));
    }

    private void assertMessage(Path p, String part) {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(p));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void readsDebianFashionMnistWhenInstalled() throws IOException {
        assumeTrue(FashionMnist.debianDirectory().isPresent(), "dataset-fashion-mnist not installed");
        FashionMnist test = FashionMnist.load(FashionMnist.DEBIAN_DIRECTORY, "t10k");
        assertEquals(10_000, test.images().count());
        assertEquals(28, test.images().rows());
        assertEquals(28, test.images().cols());
        int[] counts = new int[10];
        for (int l : test.labels().labels()) counts[l]++;
        for (int c : counts) assertEquals(1000, c); // the test split is balanced
    }
}
