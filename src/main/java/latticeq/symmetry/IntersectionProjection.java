package latticeq.symmetry;

import java.util.Arrays;

/**
 * The exact orthogonal projection onto E cap H_G for a support mask E and a group average
 * Pi_G, from an explicit orthonormal basis of the intersection (no iteration).
 *
 * <p>Why this is exact: G acts on weight entries by signed permutations, so the entries split
 * into orbits. On one orbit O the invariant vectors form at most a line, spanned by
 * w_O = sum_g g.e_j (j in O; w_O = 0 when signs cancel, e.g. a k-odd channel at a fixed
 * position). Invariant vectors have |w| constant on O, so supp(w_O) = O, orbits are disjoint,
 * and {w_O / |w_O|} is an orthonormal basis of H_G. A combination lies in E iff every w_O used
 * is supported inside the mask, so the w_O with O in E form an orthonormal basis of E cap H_G.
 * Immutable.
 */
public final class IntersectionProjection implements KernelProjection {

    private final KernelShape shape;
    private final String name;
    /** Orbit id of each entry, or -1 if the entry is in no basis vector. */
    private final int[] orbit;
    /** Normalised basis component at each entry (0 where orbit = -1). */
    private final double[] component;
    private final int dimension;

    private IntersectionProjection(KernelShape shape, String name, int[] orbit, double[] component, int dimension) {
        this.shape = shape;
        this.name = name;
        this.orbit = orbit;
        this.component = component;
        this.dimension = dimension;
    }

    /** Pi_{E cap H_G}; {@code mask} null means E = everything (then this equals Pi_G). */
    public static IntersectionProjection of(GroupAverageProjection group, SupportMask mask) {
        KernelShape shape = group.shape();
        if (mask != null && !mask.shape().equals(shape)) {
            throw new IllegalArgumentException("mask shape " + mask.shape() + " does not match group projection shape " + shape);
        }
        int d = shape.size();
        // union-find over entries joined by every group element
        int[] parent = new int[d];
        for (int e = 0; e < d; e++) parent[e] = e;
        for (int k = 0; k < group.groupOrder(); k++) {
            SignedPermutation p = group.entryPermutation(k);
            for (int e = 0; e < d; e++) union(parent, e, p.source(e));
        }
        int[] root = new int[d];
        for (int e = 0; e < d; e++) root[e] = find(parent, e);
        // w_O = sum_g P_g e_r for r = root: (P_g e_r)[i] = sign[i] where source[i] = r
        double[] w = new double[d];
        for (int k = 0; k < group.groupOrder(); k++) {
            SignedPermutation p = group.entryPermutation(k);
            for (int i = 0; i < d; i++) {
                if (p.source(i) == root[i]) w[i] += p.sign(i);
            }
        }
        double[] norm2 = new double[d];
        for (int i = 0; i < d; i++) norm2[root[i]] += w[i] * w[i];
        boolean[] inside = new boolean[d];
        Arrays.fill(inside, true);
        if (mask != null) {
            for (int i = 0; i < d; i++) if (!mask.allowed(i)) inside[root[i]] = false;
        }
        int[] orbit = new int[d];
        double[] comp = new double[d];
        int dim = 0;
        for (int i = 0; i < d; i++) {
            int r = root[i];
            if (norm2[r] > 0.5 && inside[r]) { // w has integer entries: zero or >= 1
                orbit[i] = r;
                comp[i] = w[i] / Math.sqrt(norm2[r]);
                if (i == r) dim++;
            } else {
                orbit[i] = -1;
            }
        }
        String n = "Pi_{E cap H_G}[" + (mask == null ? "all" : mask.name()) + ", " + group.description() + "]";
        return new IntersectionProjection(shape, n, orbit, comp, dim);
    }

    private static int find(int[] parent, int e) {
        while (parent[e] != e) {
            parent[e] = parent[parent[e]];
            e = parent[e];
        }
        return e;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    /** dim(E cap H_G). */
    public int dimension() {
        return dimension;
    }

    @Override
    public KernelShape shape() {
        return shape;
    }

    @Override
    public void apply(double[] kernel, double[] out) {
        KernelAction.requireKernel(shape, kernel);
        KernelAction.requireKernel(shape, out);
        double[] coef = new double[kernel.length];
        for (int i = 0; i < kernel.length; i++) if (orbit[i] >= 0) coef[orbit[i]] += component[i] * kernel[i];
        for (int i = 0; i < kernel.length; i++) out[i] = orbit[i] >= 0 ? coef[orbit[i]] * component[i] : 0.0;
    }

    @Override
    public String toString() {
        return name;
    }
}
