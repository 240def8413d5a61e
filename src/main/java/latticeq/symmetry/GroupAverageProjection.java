package latticeq.symmetry;

/**
 * Pi_G(A) = (1/|G|) sum_g g.A, the orthogonal projection (Frobenius inner product) onto the
 * G-equivariant maps, where g acts on the weights by a signed permutation of entries
 * (rho_out(g) A rho_in(g)^-1 with signed-permutation representations). Idempotent and
 * self-adjoint because the action is orthogonal and the average is over a whole group.
 */
public abstract sealed class GroupAverageProjection implements KernelProjection
        permits KernelGroupAverage, DenseGroupAverage {

    /** Number of group elements averaged over. */
    public abstract int groupOrder();

    /** The action of the k-th group element on weight entries (k < groupOrder()). */
    public abstract SignedPermutation entryPermutation(int k);

    /** Short description for reports. */
    public abstract String description();

    @Override
    public String toString() {
        return description();
    }
}
