package latticeq.symmetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Pi_G for convolution kernels: the average of {@link KernelAction} over a point group, between
 * site-centred field types. Immutable.
 */
public final class KernelGroupAverage extends GroupAverageProjection {

    private final KernelShape shape;
    private final PointGroup group;
    private final FieldType in, out;
    private final List<SignedPermutation> actions;

    public KernelGroupAverage(PointGroup group, KernelShape shape, FieldType in, FieldType out) {
        if (group == null) throw new IllegalArgumentException("group = null: need a PointGroup");
        KernelAction.check(shape, in, out);
        this.shape = shape;
        this.group = group;
        this.in = in;
        this.out = out;
        List<SignedPermutation> list = new ArrayList<>(group.order());
        for (PointElement g : group.elements()) list.add(KernelAction.permutation(shape, in, out, g));
        this.actions = List.copyOf(list);
    }

    public PointGroup group() {
        return group;
    }

    public FieldType in() {
        return in;
    }

    public FieldType out() {
        return out;
    }

    @Override
    public KernelShape shape() {
        return shape;
    }

    @Override
    public int groupOrder() {
        return actions.size();
    }

    @Override
    public SignedPermutation entryPermutation(int k) {
        return actions.get(k);
    }

    @Override
    public void apply(double[] kernel, double[] result) {
        KernelAction.requireKernel(shape, kernel);
        KernelAction.requireKernel(shape, result);
        double[] acc = new double[kernel.length];
        double[] tmp = new double[kernel.length];
        for (SignedPermutation p : actions) {
            p.apply(kernel, 0, tmp, 0);
            for (int e = 0; e < acc.length; e++) acc[e] += tmp[e];
        }
        double w = 1.0 / actions.size();
        for (int e = 0; e < acc.length; e++) result[e] = acc[e] * w;
    }

    @Override
    public String description() {
        return "Pi_G[" + group.name() + ", " + shape.kh() + "x" + shape.kw() + ", " + in.channels() + "->" + out.channels() + "]";
    }
}
