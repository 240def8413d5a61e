package latticeq.dynamics;

import latticeq.symmetry.GroupAverageProjection;
import latticeq.symmetry.IntersectionProjection;
import latticeq.symmetry.KernelProjection;
import latticeq.symmetry.SupportMask;
import latticeq.train.TrainingMode;

/**
 * The subspaces of one parameter array of a network (a DL4J parameter key such as "0_W").
 *
 * @param key          DL4J parameter key, layer index + "_" + W or b
 * @param groupAverage Pi_G on this array
 * @param admissible   Pi_E on this array (a support mask for conv kernels, the full mask otherwise)
 * @param intersection the orthogonal projection onto E cap H_G
 * @param transposed   true for dense weights stored [in, out] (projections act on [out][in])
 * @param kernel       true for a convolution kernel (the arrays E restricts)
 */
public record ParameterSpace(String key, GroupAverageProjection groupAverage, SupportMask admissible,
                             IntersectionProjection intersection, boolean transposed, boolean kernel) {
    public ParameterSpace {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("key = '" + key + "': need a DL4J parameter key");
        if (groupAverage == null || admissible == null || intersection == null) {
            throw new IllegalArgumentException("projections of " + key + " must not be null");
        }
        if (groupAverage.shape().size() != admissible.shape().size() || groupAverage.shape().size() != intersection.shape().size()) {
            throw new IllegalArgumentException("projections of " + key + " act on different shapes: " + groupAverage.shape()
                    + ", " + admissible.shape() + ", " + intersection.shape());
        }
    }

    /** The projection a gradient of this array goes through in {@code mode}. */
    public KernelProjection gradientProjection(TrainingMode mode) {
        return mode == TrainingMode.EQUIVARIANT ? intersection : admissible;
    }

    /** The DL4J layer index encoded in the key. */
    public int layer() {
        return Integer.parseInt(key.substring(0, key.indexOf('_')));
    }

    /** The parameter name within its layer ("W" or "b"). */
    public String param() {
        return key.substring(key.indexOf('_') + 1);
    }
}
