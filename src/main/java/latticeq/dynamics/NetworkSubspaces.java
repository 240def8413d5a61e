package latticeq.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import latticeq.symmetry.DenseGroupAverage;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.GroupAverageProjection;
import latticeq.symmetry.KernelGroupAverage;
import latticeq.symmetry.KernelProjection;
import latticeq.symmetry.KernelShape;
import latticeq.symmetry.LayerCommutator;
import latticeq.symmetry.LayerDistance;
import latticeq.symmetry.Projections;
import latticeq.symmetry.SubspaceDistance;
import latticeq.symmetry.SupportMask;
import latticeq.train.Constraints;
import latticeq.train.ParamProjection;
import latticeq.train.TrainingMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The subspaces H_G, E and E cap H_G of all the parameter arrays of a {@link SymmetricArchitecture}
 * network (in DL4J's parameter order): projections of weights and of gradients, distances of a
 * network from them, and the commutator report of every conv layer.
 */
public final class NetworkSubspaces {
    private final SymmetricArchitecture architecture;
    private final Support support;
    private final List<ParameterSpace> spaces;

    private NetworkSubspaces(SymmetricArchitecture architecture, Support support, List<ParameterSpace> spaces) {
        this.architecture = architecture;
        this.support = support;
        this.spaces = List.copyOf(spaces);
    }

    static NetworkSubspaces of(SymmetricArchitecture a, Support support) {
        if (support == null) throw new IllegalArgumentException("support = null: need FULL, PLUS, TOP_ROWS or L_SHAPE");
        List<ParameterSpace> out = new ArrayList<>();
        var g = a.group();
        FieldType in = a.input();
        int layer = 0;
        for (int i = 0; i < a.convCopies().size(); i++, layer++) {
            FieldType o = a.convOutput(i);
            KernelShape s = new KernelShape(o.channels(), in.channels(), a.kernel(), a.kernel());
            KernelGroupAverage pg = Projections.groupAverage(g, s, in, o);
            SupportMask m = support.mask(s);
            out.add(new ParameterSpace(layer + "_W", pg, m, Projections.intersection(pg, m), false, true));
            out.add(bias(layer, g, o));
            in = o;
        }
        layer++; // global pooling: no parameters; the pooled channels keep the representation
        for (int j = 0; j < a.denseCopies().size(); j++, layer++) {
            FieldType o = a.denseOutput(j);
            out.add(dense(layer, g, in, o));
            out.add(bias(layer, g, o));
            in = o;
        }
        FieldType o = FieldType.scalar(a.outputs());
        out.add(dense(layer, g, in, o));
        out.add(bias(layer, g, o));
        return new NetworkSubspaces(a, support, out);
    }

    private static ParameterSpace bias(int layer, latticeq.symmetry.PointGroup g, FieldType o) {
        KernelGroupAverage pb = Projections.biasGroupAverage(g, o);
        SupportMask full = SupportMask.full(pb.shape());
        return new ParameterSpace(layer + "_b", pb, full, Projections.intersection(pb, full), false, false);
    }

    private static ParameterSpace dense(int layer, latticeq.symmetry.PointGroup g, FieldType in, FieldType o) {
        DenseGroupAverage pd = DenseGroupAverage.onChannels(g, in, o);
        SupportMask full = SupportMask.full(pd.shape());
        return new ParameterSpace(layer + "_W", pd, full, Projections.intersection(pd, full), true, false);
    }

    public SymmetricArchitecture architecture() {
        return architecture;
    }

    public Support support() {
        return support;
    }

    public List<ParameterSpace> spaces() {
        return spaces;
    }

    /**
     * The gradient maps of a non-orthonormal parametrization of every convolution kernel of E
     * ({@link NonOrthonormalBasis}, layer l seeded with seed + l); other parameters stay orthonormal.
     */
    public List<ParamProjection> nonOrthonormalBasis(long seed, double spread) {
        List<ParamProjection> out = new ArrayList<>();
        for (ParameterSpace s : spaces) {
            if (!s.kernel()) continue;
            out.add(new ParamProjection(s.layer(), s.param(), new NonOrthonormalBasis(s.admissible(), seed + s.layer(), spread), s.transposed()));
        }
        return out;
    }

    /**
     * The same subspaces as {@code latticeq.train} constraints: Pi_G (distances), Pi_E (NOMINAL and
     * AUGMENTED runs restricted to E) and Pi_{E cap H_G} (EQUIVARIANT).
     */
    public Constraints constraints() {
        List<ParamProjection> g = new ArrayList<>(), e = new ArrayList<>(), x = new ArrayList<>();
        for (ParameterSpace s : spaces) {
            g.add(new ParamProjection(s.layer(), s.param(), s.groupAverage(), s.transposed()));
            e.add(new ParamProjection(s.layer(), s.param(), s.admissible(), s.transposed()));
            x.add(new ParamProjection(s.layer(), s.param(), s.intersection(), s.transposed()));
        }
        return new Constraints(g, e, x);
    }

    /** Commutator norms ||Pi_E Pi_G - Pi_G Pi_E|| and dimensions of every conv kernel. */
    public List<LayerCommutator> commutators() {
        List<LayerCommutator> out = new ArrayList<>();
        for (ParameterSpace s : spaces) {
            if (s.kernel()) out.add(LayerCommutator.of("conv " + s.key(), s.admissible(), s.groupAverage()));
        }
        return out;
    }

    /** Whether E and H_G commute on every conv layer. */
    public boolean compatible() {
        return commutators().stream().allMatch(LayerCommutator::compatible);
    }

    /**
     * Replaces every parameter array A by Pi_{E cap H_G} A; with {@code preserveNorm} each array is
     * rescaled to its former norm (a multiple stays in the subspace), so that projecting random
     * initial weights does not shrink the signal.
     */
    public void projectOntoIntersection(MultiLayerNetwork net, boolean preserveNorm) {
        for (ParameterSpace s : spaces) projectParameter(net, s, s.intersection(), preserveNorm);
    }

    /** Replaces every parameter array A by Pi_E A (conv kernels masked, other arrays unchanged). */
    public void projectOntoAdmissible(MultiLayerNetwork net, boolean preserveNorm) {
        for (ParameterSpace s : spaces) projectParameter(net, s, s.admissible(), preserveNorm);
    }

    private static void projectParameter(MultiLayerNetwork net, ParameterSpace s, KernelProjection p, boolean preserveNorm) {
        INDArray w = param(net, s.key());
        INDArray pw = Projections.apply(p, w, s.transposed());
        if (preserveNorm) {
            double before = w.norm2Number().doubleValue(), after = pw.norm2Number().doubleValue();
            if (after > 0) pw.muli(before / after);
        }
        w.assign(pw);
    }

    /** ||A - Pi_G A|| per array and in all: the distance to the equivariant layers H_G. */
    public Distances distanceToEquivariant(MultiLayerNetwork net) {
        return distances(net, true);
    }

    /** ||A - Pi_{E cap H_G} A|| per array and in all. */
    public Distances distanceToIntersection(MultiLayerNetwork net) {
        return distances(net, false);
    }

    private Distances distances(MultiLayerNetwork net, boolean groupOnly) {
        List<LayerDistance> out = new ArrayList<>();
        double sq = 0, normSq = 0;
        for (ParameterSpace s : spaces) {
            INDArray w = param(net, s.key());
            SubspaceDistance d = Projections.distanceToSubspace(w, groupOnly ? s.groupAverage() : s.intersection(), s.transposed());
            out.add(new LayerDistance(s.key(), d.absolute(), d.relative()));
            sq += d.absolute() * d.absolute();
            double n = w.norm2Number().doubleValue();
            normSq += n * n;
        }
        double abs = Math.sqrt(sq);
        return new Distances(out, abs, normSq > 0 ? abs / Math.sqrt(normSq) : 0);
    }

    /** The projected gradient of every array: Pi_{E cap H_G} g in EQUIVARIANT mode, Pi_E g otherwise. */
    public Map<String, INDArray> projectGradient(Map<String, INDArray> gradients, TrainingMode mode) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (ParameterSpace s : spaces) {
            INDArray g = gradients.get(s.key());
            if (g == null) throw new IllegalArgumentException("gradients have no entry for " + s.key() + ": keys " + gradients.keySet());
            out.put(s.key(), Projections.apply(s.gradientProjection(mode), g, s.transposed()));
        }
        return out;
    }

    /** Applies Pi_G to every array of {@code arrays} (laid out as the network's parameters). */
    public Map<String, INDArray> groupAverage(Map<String, INDArray> arrays) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (ParameterSpace s : spaces) out.put(s.key(), Projections.apply(s.groupAverage(), arrays.get(s.key()), s.transposed()));
        return out;
    }

    static INDArray param(MultiLayerNetwork net, String key) {
        INDArray w = net.paramTable().get(key);
        if (w == null) throw new IllegalArgumentException("network has no parameter " + key + ": keys " + net.paramTable().keySet());
        return w;
    }

    @Override
    public String toString() {
        return "NetworkSubspaces[" + architecture.group().name() + ", E = " + support.label() + ", " + spaces.size() + " arrays]";
    }
}
