package latticeq.augment;

import java.util.Arrays;
import java.util.List;
import latticeq.symmetry.LatticeSymmetry;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Features (NCHW) and labels ([N, d], may be null) after augmentation, with the group element
 * applied to each row (for provenance and tests).
 */
public record Batch(INDArray features, INDArray labels, List<LatticeSymmetry> elements) {
    public Batch {
        if (features == null) throw new IllegalArgumentException("features = null: need an NCHW INDArray");
        if (labels != null && labels.size(0) != features.size(0)) {
            throw new IllegalArgumentException("labels have " + labels.size(0) + " rows but features have N = " + features.size(0) + ": need equal");
        }
        if (elements == null || elements.size() != features.size(0)) {
            throw new IllegalArgumentException("elements: need one per sample, N = " + features.size(0) + ", got "
                    + (elements == null ? "null" : elements.size()) + " (features shape " + Arrays.toString(features.shape()) + ")");
        }
        elements = List.copyOf(elements);
    }

    public int size() {
        return (int) features.size(0);
    }
}
