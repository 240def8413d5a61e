package latticeq.symmetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Pi_G for a dense linear map A (out x in, row-major [out][in], stored as a KernelShape
 * (out, in, 1, 1)) between two spaces with signed-permutation representations:
 * Pi_G(A) = (1/|G|) sum_g rho_out(g) A rho_in(g)^-1, i.e.
 * (rho_out A rho_in^T)[i][j] = s_out[i] s_in[j] A[src_out[i]][src_in[j]].
 * Note DL4J's DenseLayer stores W as [nIn][nOut]: transpose before and after. Immutable.
 */
public final class DenseGroupAverage extends GroupAverageProjection {

    private final KernelShape shape;
    private final List<SignedPermutation> rhoOut, rhoIn;
    private final String description;

    /** rhoOut.get(k) and rhoIn.get(k) represent the same group element; the lists must form a group. */
    public DenseGroupAverage(List<SignedPermutation> rhoOut, List<SignedPermutation> rhoIn, String description) {
        if (rhoOut == null || rhoIn == null || rhoOut.isEmpty() || rhoOut.size() != rhoIn.size()) {
            throw new IllegalArgumentException("rhoOut and rhoIn must be non-empty lists of equal length (one entry per group element), got "
                    + (rhoOut == null ? "null" : rhoOut.size()) + " and " + (rhoIn == null ? "null" : rhoIn.size()));
        }
        int no = rhoOut.get(0).size(), ni = rhoIn.get(0).size();
        for (int k = 0; k < rhoOut.size(); k++) {
            if (rhoOut.get(k).size() != no || rhoIn.get(k).size() != ni) {
                throw new IllegalArgumentException("representation matrices of element " + k + " have sizes " + rhoOut.get(k).size() + ", "
                        + rhoIn.get(k).size() + ": need " + no + ", " + ni + " for every element");
            }
        }
        this.shape = new KernelShape(no, ni, 1, 1);
        this.rhoOut = List.copyOf(rhoOut);
        this.rhoIn = List.copyOf(rhoIn);
        this.description = description == null ? "Pi_G[dense " + ni + "->" + no + "]" : description;
    }

    /**
     * Dense maps from fields of type {@code in} to fields of type {@code out} on the group's
     * lattice (vectors of C * N_t * N_x entries in [C][N_t][N_x] order). With
     * {@link LatticeGroups#translations} this projects "all linear maps" onto periodic convolutions.
     */
    public static DenseGroupAverage onFields(LatticeGroup group, FieldType in, FieldType out) {
        List<SignedPermutation> ro = new ArrayList<>(), ri = new ArrayList<>();
        for (LatticeSymmetry g : group.elements()) {
            ro.add(FieldAction.of(out, g).permutation());
            ri.add(FieldAction.of(in, g).permutation());
        }
        return new DenseGroupAverage(ro, ri, "Pi_G[" + group.name() + " on " + group.lattice() + ", dense " + in.channels() + "ch->" + out.channels() + "ch]");
    }

    /**
     * Dense maps between site-free channel vectors (e.g. after global pooling) of site-centred
     * field types: the channel maps of each point element.
     */
    public static DenseGroupAverage onChannels(PointGroup group, FieldType in, FieldType out) {
        in.requireSiteCentred("input");
        out.requireSiteCentred("output");
        List<SignedPermutation> ro = new ArrayList<>(), ri = new ArrayList<>();
        for (PointElement g : group.elements()) {
            ro.add(toPermutation(out.map(g)));
            ri.add(toPermutation(in.map(g)));
        }
        return new DenseGroupAverage(ro, ri, "Pi_G[" + group.name() + ", dense " + in.channels() + "->" + out.channels() + "]");
    }

    private static SignedPermutation toPermutation(ChannelMap m) {
        byte[] s = new byte[m.channels()];
        for (int j = 0; j < s.length; j++) s[j] = (byte) m.sign(j);
        return new SignedPermutation(m.source(), s);
    }

    @Override
    public KernelShape shape() {
        return shape;
    }

    @Override
    public int groupOrder() {
        return rhoOut.size();
    }

    @Override
    public SignedPermutation entryPermutation(int k) {
        SignedPermutation po = rhoOut.get(k), pi = rhoIn.get(k);
        int no = po.size(), ni = pi.size();
        int[] src = new int[no * ni];
        byte[] sign = new byte[no * ni];
        for (int i = 0; i < no; i++) {
            for (int j = 0; j < ni; j++) {
                src[i * ni + j] = po.source(i) * ni + pi.source(j);
                sign[i * ni + j] = (byte) (po.sign(i) * pi.sign(j));
            }
        }
        return new SignedPermutation(src, sign);
    }

    @Override
    public void apply(double[] a, double[] result) {
        KernelAction.requireKernel(shape, a);
        KernelAction.requireKernel(shape, result);
        int no = shape.cOut(), ni = shape.cIn();
        double[] acc = new double[a.length];
        for (int k = 0; k < rhoOut.size(); k++) {
            SignedPermutation po = rhoOut.get(k), pi = rhoIn.get(k);
            for (int i = 0; i < no; i++) {
                int row = po.source(i) * ni, so = po.sign(i);
                for (int j = 0; j < ni; j++) acc[i * ni + j] += so * pi.sign(j) * a[row + pi.source(j)];
            }
        }
        double w = 1.0 / rhoOut.size();
        for (int e = 0; e < acc.length; e++) result[e] = acc[e] * w;
    }

    @Override
    public String description() {
        return description;
    }
}
