package latticeq.symmetry;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the lattice symmetries act on target vectors: each column has a {@link TargetParity}
 * (sign changes only), or, for one-hot winding labels, classes W and -W swap under the elements
 * that flip n. The regression targets (n, |phi|^2) are {@link #densityAndPhi2()}. Immutable.
 */
public final class TargetAction {

    private final TargetParity[] parities;
    /** For one-hot winding labels: classes are W = wMin..-wMin; null for signed columns. */
    private final Integer windingMax;

    private TargetAction(TargetParity[] parities, Integer windingMax) {
        this.parities = parities;
        this.windingMax = windingMax;
    }

    /** Columns with the given parities. */
    public static TargetAction of(TargetParity... parities) {
        if (parities == null || parities.length == 0) throw new IllegalArgumentException("parities: need at least one column");
        return new TargetAction(parities.clone(), null);
    }

    /** {@code dimension} invariant columns (e.g. |phi|^2 alone, or image class logits). */
    public static TargetAction invariant(int dimension) {
        if (dimension < 1) throw new IllegalArgumentException("dimension = " + dimension + ": need >= 1");
        TargetParity[] p = new TargetParity[dimension];
        Arrays.fill(p, TargetParity.INVARIANT);
        return new TargetAction(p, null);
    }

    /** The regression targets (n, |phi|^2): n flips under R_t and C, |phi|^2 is invariant. */
    public static TargetAction densityAndPhi2() {
        return of(TargetParity.CHARGE_DENSITY, TargetParity.INVARIANT);
    }

    /**
     * One-hot (or per-class score) labels for the temporal winding W in [-wMax, wMax]
     * (2 wMax + 1 classes, class index W + wMax): W -> -W where n flips sign.
     */
    public static TargetAction windingClasses(int wMax) {
        if (wMax < 0) throw new IllegalArgumentException("wMax = " + wMax + ": need >= 0");
        TargetParity[] p = new TargetParity[2 * wMax + 1];
        Arrays.fill(p, TargetParity.CHARGE_DENSITY);
        return new TargetAction(p, wMax);
    }

    public int dimension() {
        return parities.length;
    }

    public List<TargetParity> parities() {
        return List.of(parities);
    }

    /** True if every element leaves the targets unchanged. */
    public boolean isInvariant() {
        return windingMax == null && Arrays.stream(parities).allMatch(p -> p == TargetParity.INVARIANT);
    }

    /** g . y for one target vector. */
    public double[] apply(PointElement g, double[] y) {
        if (y.length != parities.length) {
            throw new IllegalArgumentException("target length " + y.length + ": need " + parities.length + " = dimension of this TargetAction");
        }
        double[] out = new double[y.length];
        if (windingMax != null) {
            boolean flip = TargetParity.CHARGE_DENSITY.sign(g) < 0;
            for (int j = 0; j < y.length; j++) out[j] = y[flip ? y.length - 1 - j : j];
            return out;
        }
        for (int j = 0; j < y.length; j++) out[j] = parities[j].sign(g) * y[j];
        return out;
    }

    public double[] apply(LatticeSymmetry g, double[] y) {
        return apply(g.point(), y);
    }

    /** g . y for a label batch [N, dimension] (same data type). */
    public INDArray apply(PointElement g, INDArray labels) {
        checkLabels(labels);
        int n = (int) labels.size(0), d = parities.length;
        double[] in = FieldAction.doubles(labels), out = new double[in.length];
        for (int i = 0; i < n; i++) {
            double[] row = apply(g, Arrays.copyOfRange(in, i * d, (i + 1) * d));
            System.arraycopy(row, 0, out, i * d, d);
        }
        INDArray r = Nd4j.create(out, labels.shape(), DataType.DOUBLE);
        return labels.dataType() == DataType.DOUBLE ? r : r.castTo(labels.dataType());
    }

    public INDArray apply(LatticeSymmetry g, INDArray labels) {
        return apply(g.point(), labels);
    }

    /** Row i transformed by {@code elements.get(i)}. */
    public INDArray applyEach(List<LatticeSymmetry> elements, INDArray labels) {
        checkLabels(labels);
        int n = (int) labels.size(0), d = parities.length;
        if (elements.size() != n) throw new IllegalArgumentException("elements has " + elements.size() + " entries: need one per label row, N = " + n);
        double[] in = FieldAction.doubles(labels), out = new double[in.length];
        for (int i = 0; i < n; i++) {
            double[] row = apply(elements.get(i).point(), Arrays.copyOfRange(in, i * d, (i + 1) * d));
            System.arraycopy(row, 0, out, i * d, d);
        }
        INDArray r = Nd4j.create(out, labels.shape(), DataType.DOUBLE);
        return labels.dataType() == DataType.DOUBLE ? r : r.castTo(labels.dataType());
    }

    private void checkLabels(INDArray labels) {
        if (labels == null || labels.rank() != 2 || labels.size(1) != parities.length) {
            throw new IllegalArgumentException("labels have shape " + (labels == null ? "null" : Arrays.toString(labels.shape()))
                    + ": need [N, " + parities.length + "]");
        }
    }

    @Override
    public String toString() {
        return windingMax != null ? "TargetAction[winding classes -" + windingMax + ".." + windingMax + "]" : "TargetAction" + Arrays.toString(parities);
    }
}
