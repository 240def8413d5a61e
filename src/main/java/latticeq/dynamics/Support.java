package latticeq.dynamics;

import latticeq.symmetry.KernelShape;
import latticeq.symmetry.SupportMask;

/**
 * The admissible space E of every convolution layer: which kernel positions may be non-zero.
 * FULL and PLUS are invariant under C4 and D4 (E and H_G compatible); TOP_ROWS (2x3 inside 3x3)
 * and L_SHAPE are not.
 */
public enum Support {
    FULL("full 3x3", true),
    PLUS("plus", true),
    TOP_ROWS("2x3", false),
    L_SHAPE("L-shaped", false);

    private final String label;
    private final boolean rotationInvariant;

    Support(String label, boolean rotationInvariant) {
        this.label = label;
        this.rotationInvariant = rotationInvariant;
    }

    /** The mask Pi_E for kernels of {@code shape} (odd square kernels of size >= 3, or 1x1 for FULL). */
    public SupportMask mask(KernelShape shape) {
        return switch (this) {
            case FULL -> SupportMask.full(shape);
            case PLUS -> SupportMask.plus(shape);
            case TOP_ROWS -> SupportMask.topRows(shape);
            case L_SHAPE -> SupportMask.lShape(shape);
        };
    }

    public String label() {
        return label;
    }

    /** Whether C4 and D4 map the support onto itself (then Pi_E and Pi_G commute). */
    public boolean rotationInvariant() {
        return rotationInvariant;
    }
}
