package latticeq.symmetry;

import latticeq.lattice.Lattice;

/**
 * One symmetry of a periodic lattice: p -> M p + a (mod N_t, N_x) on sites, with M a D4 matrix
 * and a = (shiftT, shiftX), optionally with charge conjugation C (carried in {@code point}).
 * Shifts are stored reduced to [0, N). Axis-swapping M requires a square lattice. Immutable.
 */
public record LatticeSymmetry(Lattice lattice, PointElement point, int shiftT, int shiftX) {

    public LatticeSymmetry {
        if (lattice == null) throw new IllegalArgumentException("lattice = null: need a Lattice");
        if (point == null) throw new IllegalArgumentException("point = null: need a PointElement");
        if (!point.matrix().preservesAxes() && !lattice.isSquare()) {
            throw new IllegalArgumentException("point element " + point + " swaps the time and space axes: it needs a square lattice, got "
                    + lattice.nt() + "x" + lattice.nx() + " (nt must equal nx)");
        }
        shiftT = Math.floorMod(shiftT, lattice.nt());
        shiftX = Math.floorMod(shiftX, lattice.nx());
    }

    public static LatticeSymmetry identity(Lattice lattice) {
        return new LatticeSymmetry(lattice, PointElement.IDENTITY, 0, 0);
    }

    public static LatticeSymmetry translation(Lattice lattice, int shiftT, int shiftX) {
        return new LatticeSymmetry(lattice, PointElement.IDENTITY, shiftT, shiftX);
    }

    public static LatticeSymmetry of(Lattice lattice, PointElement point) {
        return new LatticeSymmetry(lattice, point, 0, 0);
    }

    /**
     * {@code point} about the lattice centre c = ((N_t - 1)/2, (N_x - 1)/2) instead of the origin:
     * p -> M (p - c) + c = M p + (c - M c). The shift is integer because every row of M has one
     * entry +-1, so each component of c - M c is 0 or N - 1. On images this is the usual
     * rotation/flip (e.g. r maps pixel (i, j) to (N-1-j, i)), without wrapping content around.
     */
    public static LatticeSymmetry aboutCentre(Lattice lattice, PointElement point) {
        D4 m = point.matrix();
        int st = (lattice.nt() - 1) * (1 - (m.m00 + m.m01)) / 2;
        int sx = (lattice.nx() - 1) * (1 - (m.m10 + m.m11)) / 2;
        return new LatticeSymmetry(lattice, point, st, sx);
    }

    /** this * other (apply {@code other} first): p -> M1 (M2 p + a2) + a1. */
    public LatticeSymmetry compose(LatticeSymmetry other) {
        requireSameLattice(other);
        D4 m = point.matrix();
        return new LatticeSymmetry(lattice, point.compose(other.point),
                m.mapT(other.shiftT, other.shiftX) + shiftT, m.mapX(other.shiftT, other.shiftX) + shiftX);
    }

    /** p -> M^-1 (p - a). */
    public LatticeSymmetry inverse() {
        D4 mi = point.matrix().inverse();
        return new LatticeSymmetry(lattice, point.inverse(), -mi.mapT(shiftT, shiftX), -mi.mapX(shiftT, shiftX));
    }

    public boolean isIdentity() {
        return point.isIdentity() && shiftT == 0 && shiftX == 0;
    }

    /** Image g(p) of site p (index t * nx + x). */
    public int mapSite(int site) {
        int t = lattice.t(site), x = lattice.x(site);
        D4 m = point.matrix();
        return lattice.site(m.mapT(t, x) + shiftT, m.mapX(t, x) + shiftX);
    }

    /** Preimage g^-1(p) of the site with coordinates (t, x) (taken modulo the extents). */
    public int preimageSite(int t, int x) {
        D4 mi = point.matrix().inverse();
        int dt = t - shiftT, dx = x - shiftX;
        return lattice.site(mi.mapT(dt, dx), mi.mapX(dt, dx));
    }

    /** The same point element and shift on another lattice (shifts reduced modulo its extents). */
    public LatticeSymmetry on(Lattice other) {
        return new LatticeSymmetry(other, point, shiftT, shiftX);
    }

    private void requireSameLattice(LatticeSymmetry other) {
        if (!lattice.equals(other.lattice)) {
            throw new IllegalArgumentException("cannot compose symmetries of different lattices: " + lattice + " and " + other.lattice);
        }
    }

    @Override
    public String toString() {
        String p = point.toString();
        if (shiftT == 0 && shiftX == 0) return p;
        String s = "T(" + shiftT + "," + shiftX + ")";
        return point.isIdentity() ? s : s + " " + p;
    }
}
