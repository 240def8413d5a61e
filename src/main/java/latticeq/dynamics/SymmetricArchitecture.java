package latticeq.dynamics;

import java.util.ArrayList;
import java.util.List;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Family;
import latticeq.nn.Head;
import latticeq.nn.NetworkBuilder;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.PointGroup;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A network of {@code nn}'s EQ family (periodic convolutions with tanh, global average pooling,
 * LeakyReLU dense layers, linear or softmax output) together with the representation of a point
 * group G on every layer's channels: the input field type, the regular representation of G
 * ({@code copies} x |G| channels) on every hidden layer, and invariant outputs. Pointwise tanh
 * and LeakyReLU commute with these permutation representations (tanh is odd, so it also commutes
 * with the sign changes of link channels), so H_G is the space of layers that make the whole
 * network G-invariant. Built in float64, as the theory checks need.
 *
 * @param input       field type of the network input (e.g. lifted links, or one scalar image channel)
 * @param group       the point group G
 * @param convCopies  regular copies per conv layer (channels = copies * |G|), 1..3 layers
 * @param kernel      kernel size of every conv layer (3)
 * @param denseCopies regular copies per hidden dense layer (possibly none)
 * @param outputs     invariant outputs (1 for a regression target, the number of classes otherwise)
 * @param head        REGRESSION (MSE) or CLASSIFICATION (softmax, cross-entropy)
 */
public record SymmetricArchitecture(FieldType input, PointGroup group, List<Integer> convCopies, int kernel,
                                    List<Integer> denseCopies, int outputs, Head head) {
    public SymmetricArchitecture {
        if (input == null) throw new IllegalArgumentException("input = null: need a site-centred field type");
        if (group == null) throw new IllegalArgumentException("group = null: need a point group");
        if (head == null) throw new IllegalArgumentException("head = null: need REGRESSION or CLASSIFICATION");
        input.requireSiteCentred("network input");
        convCopies = List.copyOf(convCopies);
        denseCopies = List.copyOf(denseCopies);
        for (int c : convCopies) if (c < 1) throw new IllegalArgumentException("convCopies entry = " + c + ": need >= 1");
        for (int c : denseCopies) if (c < 1) throw new IllegalArgumentException("denseCopies entry = " + c + ": need >= 1");
        if (kernel != 3) throw new IllegalArgumentException("kernel = " + kernel + ": the support masks need 3");
        // the remaining checks (layer counts, outputs) are ArchitectureSpec's
        new ArchitectureSpec(Family.EQ, channels(convCopies, group), kernels(convCopies.size(), kernel),
                channels(denseCopies, group), outputs, head, input.channels(), 1, 0, 0);
    }

    /** Lifted link input (8 channels), G-regular hidden layers, one invariant regression output. */
    public static SymmetricArchitecture linkRegression(PointGroup group, List<Integer> convCopies, List<Integer> denseCopies) {
        return new SymmetricArchitecture(FieldType.liftedLink(), group, convCopies, 3, denseCopies, 1, Head.REGRESSION);
    }

    /** One scalar image channel, G-regular hidden layers, invariant class scores. */
    public static SymmetricArchitecture imageClassifier(PointGroup group, List<Integer> convCopies, List<Integer> denseCopies, int classes) {
        return new SymmetricArchitecture(FieldType.scalar(1), group, convCopies, 3, denseCopies, classes, Head.CLASSIFICATION);
    }

    /** The {@code nn} architecture (family EQ). */
    public ArchitectureSpec spec() {
        return new ArchitectureSpec(Family.EQ, channels(convCopies, group), kernels(convCopies.size(), kernel),
                channels(denseCopies, group), outputs, head, input.channels(), 1, 0, 0);
    }

    /** A freshly initialised float64 network (Xavier weights from {@code seed}); its updater is not used. */
    public MultiLayerNetwork build(long seed) {
        return NetworkBuilder.build(spec(), seed, new Sgd(1e-3), 0.0, DataType.DOUBLE);
    }

    /** The field type on the output of conv layer {@code i}. */
    public FieldType convOutput(int i) {
        return FieldType.regular(group, convCopies.get(i));
    }

    /** The field type on the output of dense hidden layer {@code j}. */
    public FieldType denseOutput(int j) {
        return FieldType.regular(group, denseCopies.get(j));
    }

    /** Pi_G, Pi_E and Pi_{E cap H_G} of every parameter array, with E = {@code support} on every conv kernel. */
    public NetworkSubspaces subspaces(Support support) {
        return NetworkSubspaces.of(this, support);
    }

    private static List<Integer> channels(List<Integer> copies, PointGroup g) {
        List<Integer> out = new ArrayList<>();
        for (int c : copies) out.add(c * g.order());
        return out;
    }

    private static List<Integer> kernels(int n, int k) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(k);
        return out;
    }
}
