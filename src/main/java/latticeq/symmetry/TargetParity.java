package latticeq.symmetry;

/** How one regression target transforms under the lattice symmetries. */
public enum TargetParity {
    /** Unchanged by every element (|phi|^2, energies, ...). */
    INVARIANT,
    /**
     * Like the density n = (1/V) sum k_t: invariant under translations and R_x, odd under R_t and
     * under C (so invariant under C R_t). Elements that swap the axes map n to a spatial winding,
     * which is not a target: acting with them throws.
     */
    CHARGE_DENSITY;

    /** The sign this target picks up under {@code g}. */
    public int sign(PointElement g) {
        if (this == INVARIANT) return 1;
        if (!g.matrix().preservesAxes()) {
            throw new IllegalArgumentException("element " + g + " swaps the time and space axes: it maps the density n to a spatial winding,"
                    + " which is not a target; use a group that keeps the axes (D2, {1,R_x,C R_t,C R_t R_x}, translations) or an invariant target");
        }
        int s = g.matrix().reversesTime() ? -1 : 1;
        return g.conjugate() ? -s : s;
    }
}
