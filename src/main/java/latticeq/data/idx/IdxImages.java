package latticeq.data.idx;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Grey-scale images from an idx3 file: count x rows x cols unsigned bytes. Immutable. */
public final class IdxImages {

    private final IdxArray array;

    IdxImages(IdxArray array) {
        this.array = array;
    }

    public int count() {
        return array.dim(0);
    }

    public int rows() {
        return array.dim(1);
    }

    public int cols() {
        return array.dim(2);
    }

    /** Pixel value 0..255. */
    public int pixel(int image, int row, int col) {
        checkImage(image);
        if (row < 0 || row >= rows() || col < 0 || col >= cols()) {
            throw new IllegalArgumentException("pixel (" + row + ", " + col + "): need 0 <= row < " + rows() + ", 0 <= col < " + cols());
        }
        return array.get((image * rows() + row) * cols() + col);
    }

    /** One image as floats in [0, 1] (value / 255), row-major. */
    public float[] image(int image) {
        checkImage(image);
        int s = rows() * cols();
        float[] out = new float[s];
        for (int i = 0; i < s; i++) out[i] = array.get(image * s + i) / 255f;
        return out;
    }

    /**
     * Images [from, to) as an NCHW batch [to - from, 1, rows / factor, cols / factor] in [0, 1],
     * each output pixel the mean over a factor x factor block (factor 1 = no downscaling).
     */
    public INDArray toNchw(int from, int to, int factor, DataType type) {
        if (from < 0 || to > count() || from >= to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + "): need 0 <= from < to <= count = " + count());
        }
        if (factor < 1 || rows() % factor != 0 || cols() % factor != 0) {
            throw new IllegalArgumentException("factor = " + factor + ": need >= 1 dividing rows = " + rows() + " and cols = " + cols());
        }
        int h = rows() / factor, w = cols() / factor, n = to - from;
        float[] out = new float[n * h * w];
        float scale = 1f / (255f * factor * factor);
        for (int i = 0; i < n; i++) {
            int base = (from + i) * rows() * cols();
            for (int r = 0; r < rows(); r++) {
                for (int c = 0; c < cols(); c++) out[(i * h + r / factor) * w + c / factor] += array.get(base + r * cols() + c) * scale;
            }
        }
        INDArray a = Nd4j.create(out, new long[] {n, 1, h, w}, DataType.FLOAT);
        return type == DataType.FLOAT ? a : a.castTo(type);
    }

    private void checkImage(int image) {
        if (image < 0 || image >= count()) throw new IllegalArgumentException("image = " + image + ": need 0 <= image < " + count());
    }
}
