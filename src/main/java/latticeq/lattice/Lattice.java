package latticeq.lattice;

/**
 * A periodic N_t x N_x lattice. Time is direction 0, space is direction 1.
 *
 * <p>Sites are numbered row-major, {@code site = t * nx + x}, which is also the memory order of
 * one channel of a network input (4, N_t, N_x). A link field stores the link (site, nu) that
 * points forward from {@code site} in direction {@code nu} at index {@code nu * volume + site}.
 */
public record Lattice(int nt, int nx) {

    /** Smallest extent allowed in either direction (a neighbour must differ from the site). */
    public static final int MIN_EXTENT = 2;

    public Lattice {
        if (nt < MIN_EXTENT) {
            throw new IllegalArgumentException("lattice extent nt = " + nt + " is too small: need nt >= " + MIN_EXTENT);
        }
        if (nx < MIN_EXTENT) {
            throw new IllegalArgumentException("lattice extent nx = " + nx + " is too small: need nx >= " + MIN_EXTENT);
        }
        if ((long) nt * nx > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("lattice " + nt + "x" + nx + " is too large: need nt*nx <= " + Integer.MAX_VALUE / 4);
        }
    }

    public int volume() {
        return nt * nx;
    }

    /** Number of links: two per site. */
    public int links() {
        return 2 * nt * nx;
    }

    public boolean isSquare() {
        return nt == nx;
    }

    public int extent(int direction) {
        checkDirection(direction);
        return direction == 0 ? nt : nx;
    }

    /** Site index of (t, x), both taken modulo the extents (negative values allowed). */
    public int site(int t, int x) {
        return Math.floorMod(t, nt) * nx + Math.floorMod(x, nx);
    }

    public int t(int site) {
        return site / nx;
    }

    public int x(int site) {
        return site % nx;
    }

    /** The neighbour of {@code site} one step forward in direction {@code nu}. */
    public int forward(int site, int nu) {
        int t = site / nx, x = site % nx;
        return nu == 0 ? (t + 1 == nt ? 0 : t + 1) * nx + x : t * nx + (x + 1 == nx ? 0 : x + 1);
    }

    /** The neighbour of {@code site} one step backward in direction {@code nu}. */
    public int backward(int site, int nu) {
        int t = site / nx, x = site % nx;
        return nu == 0 ? (t == 0 ? nt - 1 : t - 1) * nx + x : t * nx + (x == 0 ? nx - 1 : x - 1);
    }

    /** Index of link (site, nu) in a link field laid out as [direction][site]. */
    public int link(int site, int nu) {
        return nu * volume() + site;
    }

    private static void checkDirection(int direction) {
        if (direction != 0 && direction != 1) {
            throw new IllegalArgumentException("direction = " + direction + " is not a lattice direction: need 0 (time) or 1 (space)");
        }
    }

    @Override
    public String toString() {
        return nt + "x" + nx;
    }
}
