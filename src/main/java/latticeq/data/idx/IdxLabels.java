package latticeq.data.idx;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Class labels from an idx1 file. Immutable. */
public final class IdxLabels {

    private final IdxArray array;

    IdxLabels(IdxArray array) {
        this.array = array;
    }

    public int count() {
        return array.dim(0);
    }

    public int label(int i) {
        if (i < 0 || i >= count()) throw new IllegalArgumentException("i = " + i + ": need 0 <= i < " + count());
        return array.get(i);
    }

    public int[] labels() {
        int[] out = new int[count()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i);
        return out;
    }

    /** One-hot rows [to - from, classes]; throws if a label is >= classes. */
    public INDArray oneHot(int from, int to, int classes, DataType type) {
        if (from < 0 || to > count() || from >= to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + "): need 0 <= from < to <= count = " + count());
        }
        INDArray out = Nd4j.zeros(type, to - from, classes);
        for (int i = from; i < to; i++) {
            int l = array.get(i);
            if (l >= classes) throw new IllegalArgumentException("label " + l + " at index " + i + ": need < classes = " + classes);
            out.putScalar(i - from, l, 1.0);
        }
        return out;
    }
}
