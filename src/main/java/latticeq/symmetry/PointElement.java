package latticeq.symmetry;

/**
 * A point symmetry: a D4 element acting on coordinates about the origin, optionally followed by
 * charge conjugation C (k -> -k on link fields, sign flip on charge-odd channels). C commutes
 * with every D4 element, so the point symmetries form D4 x Z2. Immutable.
 */
public record PointElement(D4 matrix, boolean conjugate) {

    public static final PointElement IDENTITY = new PointElement(D4.IDENTITY, false);
    /** Time reflection R_t. */
    public static final PointElement R_T = new PointElement(D4.REFLECT_T, false);
    /** Space reflection R_x. */
    public static final PointElement R_X = new PointElement(D4.REFLECT_X, false);
    /** 90-degree rotation r (square lattices only when acting on fields). */
    public static final PointElement ROT90 = new PointElement(D4.ROT90, false);
    /** Charge conjugation C. */
    public static final PointElement C = new PointElement(D4.IDENTITY, true);
    /** C R_t, the exact time-reversal symmetry at mu != 0. */
    public static final PointElement C_R_T = new PointElement(D4.REFLECT_T, true);

    public PointElement {
        if (matrix == null) throw new IllegalArgumentException("matrix = null: need a D4 element");
    }

    public static PointElement of(D4 matrix) {
        return new PointElement(matrix, false);
    }

    /** this * other: apply {@code other} first. */
    public PointElement compose(PointElement other) {
        return new PointElement(matrix.compose(other.matrix), conjugate ^ other.conjugate);
    }

    public PointElement inverse() {
        return new PointElement(matrix.inverse(), conjugate);
    }

    public boolean isIdentity() {
        return matrix == D4.IDENTITY && !conjugate;
    }

    @Override
    public String toString() {
        String m = switch (matrix) {
            case IDENTITY -> "1";
            case ROT90 -> "r";
            case ROT180 -> "r^2";
            case ROT270 -> "r^3";
            case REFLECT_T -> "R_t";
            case REFLECT_X -> "R_x";
            case TRANSPOSE -> "T";
            case ANTI_TRANSPOSE -> "T'";
        };
        if (!conjugate) return m;
        return matrix == D4.IDENTITY ? "C" : "C " + m;
    }
}
