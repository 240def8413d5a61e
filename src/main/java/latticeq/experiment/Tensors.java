package latticeq.experiment;

import latticeq.data.LatticeDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J tensors of a {@link LatticeDataset}: raw integer channels as float, no normalization (as in the paper). */
public final class Tensors {
    private Tensors() {}

    /** Features [N, 4, N_t, N_x] (k_t, k_x, l_t, l_x). */
    public static INDArray features(LatticeDataset data) {
        int[] s = data.featureShape();
        return Nd4j.create(data.featuresAsFloat(), new long[] {s[0], s[1], s[2], s[3]}, DataType.FLOAT);
    }

    /** Regression targets [N, 2] in the order (n, |phi|^2). */
    public static INDArray targets(LatticeDataset data) {
        return Nd4j.create(data.targetsAsFloat(), new long[] {data.size(), LatticeDataset.TARGETS}, DataType.FLOAT);
    }

    /** Temporal winding number W = n N_x of each sample (the counting task's label). */
    public static int[] windings(LatticeDataset data) {
        int[] w = new int[data.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = data.winding(i);
        }
        return w;
    }

    /**
     * One-hot labels [N, classes] of the winding number. W is never negative here (mu > 0 has no
     * antiparticle windings in practice); a W outside 0..classes-1 is an error, since a class the
     * network cannot output would silently count as wrong.
     */
    public static INDArray windingOneHot(LatticeDataset data, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes = " + classes + " is not allowed: need >= 2");
        }
        int[] w = windings(data);
        float[] out = new float[w.length * classes];
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0 || w[i] >= classes) {
                throw new IllegalArgumentException("winding number W = " + w[i] + " of sample " + i
                        + " is outside the classes 0.." + (classes - 1) + ": choose more classes");
            }
            out[i * classes + w[i]] = 1f;
        }
        return Nd4j.create(out, new long[] {w.length, classes}, DataType.FLOAT);
    }

    /** Largest winding number in the datasets (classes = this + 1 covers all of them). */
    public static int maxWinding(LatticeDataset... data) {
        int max = 0;
        for (LatticeDataset d : data) {
            for (int w : windings(d)) {
                if (w < 0) {
                    throw new IllegalArgumentException("winding number W = " + w + " in " + d + " is negative: need W >= 0 for classification");
                }
                max = Math.max(max, w);
            }
        }
        return max;
    }
}
