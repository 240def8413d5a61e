package latticeq.symmetry;

/**
 * The eight symmetries of the square acting on lattice coordinates (t, x) about the origin, as
 * integer 2x2 matrices: (t, x) -> (m00 t + m01 x, m10 t + m11 x). Elements that keep both axes
 * (identity, R_t, R_x, R_t R_x) act on any N_t x N_x lattice; the others swap the axes and
 * exist only when N_t = N_x.
 */
public enum D4 {
    /** (t, x) -> (t, x). */
    IDENTITY(1, 0, 0, 1),
    /** r: (t, x) -> (-x, t), the 90-degree rotation. */
    ROT90(0, -1, 1, 0),
    /** r^2 = R_t R_x: (t, x) -> (-t, -x). */
    ROT180(-1, 0, 0, -1),
    /** r^3: (t, x) -> (x, -t). */
    ROT270(0, 1, -1, 0),
    /** R_t: (t, x) -> (-t, x). */
    REFLECT_T(-1, 0, 0, 1),
    /** R_x: (t, x) -> (t, -x). */
    REFLECT_X(1, 0, 0, -1),
    /** (t, x) -> (x, t). */
    TRANSPOSE(0, 1, 1, 0),
    /** (t, x) -> (-x, -t). */
    ANTI_TRANSPOSE(0, -1, -1, 0);

    public final int m00, m01, m10, m11;

    D4(int m00, int m01, int m10, int m11) {
        this.m00 = m00;
        this.m01 = m01;
        this.m10 = m10;
        this.m11 = m11;
    }

    /** Image time coordinate of (t, x). */
    public int mapT(int t, int x) {
        return m00 * t + m01 * x;
    }

    /** Image space coordinate of (t, x). */
    public int mapX(int t, int x) {
        return m10 * t + m11 * x;
    }

    /** True for the elements that map each axis to itself (identity, R_t, R_x, R_t R_x). */
    public boolean preservesAxes() {
        return m01 == 0;
    }

    /** True if the time axis is reversed (m00 = -1): R_t and R_t R_x. */
    public boolean reversesTime() {
        return m00 == -1;
    }

    /** The product this * other: apply {@code other} first, then this. */
    public D4 compose(D4 other) {
        int a = m00 * other.m00 + m01 * other.m10;
        int b = m00 * other.m01 + m01 * other.m11;
        int c = m10 * other.m00 + m11 * other.m10;
        int d = m10 * other.m01 + m11 * other.m11;
        return of(a, b, c, d);
    }

    /** Inverse = transpose for these orthogonal matrices. */
    public D4 inverse() {
        return of(m00, m10, m01, m11);
    }

    public static D4 of(int m00, int m01, int m10, int m11) {
        for (D4 g : values()) {
            if (g.m00 == m00 && g.m01 == m01 && g.m10 == m10 && g.m11 == m11) {
                return g;
            }
        }
        throw new IllegalArgumentException("matrix [[" + m00 + ", " + m01 + "], [" + m10 + ", " + m11
                + "]] is not one of the 8 signed permutation matrices of D4");
    }
}
