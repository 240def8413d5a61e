package latticeq.symmetry;

/**
 * Compatibility of one layer's admissible space E with its equivariant space H_G: the Frobenius
 * and spectral norms of Pi_E Pi_G - Pi_G Pi_E, dim E, dim H_G and dim (E cap H_G).
 */
public record LayerCommutator(String layer, String support, String group, double frobenius, double spectral,
                              int dimE, int dimH, int dimIntersection) {

    /** Tolerance under which {@link #compatible()} holds (the norms of exact commuting pairs are 0 up to rounding). */
    public static final double TOLERANCE = 1e-12;

    public LayerCommutator {
        if (layer == null || layer.isBlank()) throw new IllegalArgumentException("layer = '" + layer + "': need a non-blank layer name");
    }

    /** Computes the report; cost ~ shape.size() applications of each projection. */
    public static LayerCommutator of(String layer, SupportMask e, GroupAverageProjection g) {
        double f = Projections.commutatorNorm(e, g);
        double s = f == 0 ? 0 : Projections.commutatorSpectralNorm(e, g, 200, 1);
        return new LayerCommutator(layer, e.name(), g.description(), f, s, e.dimension(),
                Projections.intersection(g, null).dimension(), Projections.intersection(g, e).dimension());
    }

    public boolean compatible() {
        return frobenius <= TOLERANCE;
    }
}
