package latticeq.symmetry;

/**
 * Distance of one layer's weights from a subspace (e.g. E cap H_G): ||A - P A||_F (absolute)
 * and relative to ||A||_F. What {@code nn}'s per-layer distance reports return, one per layer.
 */
public record LayerDistance(String layer, double absolute, double relative) {
    public LayerDistance {
        if (layer == null || layer.isBlank()) throw new IllegalArgumentException("layer = '" + layer + "': need a non-blank layer name");
        if (!(absolute >= 0) || !(relative >= 0)) {
            throw new IllegalArgumentException("absolute = " + absolute + ", relative = " + relative + " for layer " + layer + ": need both >= 0");
        }
    }

    public static LayerDistance of(String layer, double[] weights, KernelProjection projection) {
        SubspaceDistance d = Projections.distanceToSubspace(weights, projection);
        return new LayerDistance(layer, d.absolute(), d.relative());
    }

    /** sqrt(sum of squared absolute distances): the distance of the whole parameter vector. */
    public static double total(java.util.List<LayerDistance> layers) {
        double s = 0;
        for (LayerDistance l : layers) s += l.absolute * l.absolute;
        return Math.sqrt(s);
    }
}
