package latticeq.dynamics;

import java.util.ArrayList;
import java.util.List;
import latticeq.lattice.Lattice;
import latticeq.nn.layers.ChannelLayerNorm;
import latticeq.nn.TorchDefaultInit;
import latticeq.symmetry.DenseGroupAverage;
import latticeq.symmetry.FieldAction;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.KernelShape;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.LatticeGroups;
import latticeq.symmetry.LatticeSymmetry;
import latticeq.symmetry.PointGroup;
import latticeq.symmetry.Projections;
import latticeq.symmetry.SignedPermutation;
import latticeq.symmetry.SupportMask;
import latticeq.train.ParamProjection;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The convolutional network of the revised arXiv:2303.13458 experiment (usinedepain/eq_aug_dyn,
 * {@code networks.eqvConvNet} / {@code omegaConvNet}): conv layers with 3x3 kernels, zero padding
 * and no bias; after every conv layer but the last a 2x2 average pooling; then tanh and a layer
 * normalisation over the sites of each channel without scale or shift ({@link ChannelLayerNorm});
 * the last feature map flattened into one linear layer without bias to the outputs; MSE loss
 * (on one-hot labels for classification, as the authors' {@code mymse}).
 *
 * <p>G is a point group acting about the centre of the square input ({@link LatticeGroups#centred}):
 * with zero padding this is the symmetry the network can have (translations are not, at the
 * border). Hidden channels carry the trivial representation (every channel a scalar field, as in
 * the authors' network), so H_G on a hidden kernel is the kernels invariant under G's action on
 * the kernel positions; on the input kernel it also permutes (and signs) the input channels of a
 * vector-like field type (the lifted links of a lattice configuration); on the linear layer it
 * averages the weights over the rotated last feature map.
 *
 * @param input    field type of the input (site-centred)
 * @param side     input height = width; divisible by 2^(conv layers - 1)
 * @param group    point group acting about the centre
 * @param channels output channels of the conv layers (authors: 32, 64, 64)
 * @param outputs  outputs of the linear layer (10 classes, or 1 regression target)
 */
public record PoolingConvNet(FieldType input, int side, PointGroup group, List<Integer> channels, int outputs) {

    public PoolingConvNet {
        if (input == null) throw new IllegalArgumentException("input = null: need a site-centred field type");
        input.requireSiteCentred("network input");
        if (group == null) throw new IllegalArgumentException("group = null: need a point group");
        channels = List.copyOf(channels);
        if (channels.isEmpty() || channels.size() > 4) throw new IllegalArgumentException("channels has " + channels.size() + " entries: need 1..4 conv layers");
        for (int c : channels) if (c < 1) throw new IllegalArgumentException("channels entry = " + c + ": need >= 1");
        if (outputs < 1) throw new IllegalArgumentException("outputs = " + outputs + ": need >= 1");
        int div = 1 << (channels.size() - 1);
        // a last map of 2x2 sites is one orbit of C4: an invariant linear layer sees only its mean, which the layer norm sets to 0
        if (side < 3 * div || side % div != 0) {
            throw new IllegalArgumentException("side = " + side + ": need a multiple of " + div + " and >= " + 3 * div + " (" + (channels.size() - 1)
                    + " 2x2 poolings, a last map of at least 3x3 sites)");
        }
    }

    /** The authors' widths 32, 64, 64 and C4. */
    public static PoolingConvNet authors(FieldType input, int side, int outputs) {
        return new PoolingConvNet(input, side, PointGroup.c4(), List.of(32, 64, 64), outputs);
    }

    /** Side of the last feature map. */
    public int lastSide() {
        return side >> (channels.size() - 1);
    }

    /** DL4J layer index of conv layer i. */
    public int convLayer(int i) {
        int at = 0;
        for (int j = 0; j < i; j++) at += j < channels.size() - 1 ? 4 : 3;
        return at;
    }

    /** DL4J layer index of the linear output layer. */
    public int outputLayer() {
        return convLayer(channels.size() - 1) + 3;
    }

    /** An initialised network (PyTorch's default uniform draws from {@code seed}); plain SGD at {@code rate} as its updater. */
    public MultiLayerNetwork build(long seed, double rate, DataType dataType) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(dataType).updater(new Sgd(rate)).weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.NONE).inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
        int in = input.channels();
        for (int i = 0; i < channels.size(); i++) {
            list.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).convolutionMode(ConvolutionMode.Same).nIn(in).nOut(channels.get(i))
                    .hasBias(false).activation(Activation.IDENTITY).build());
            if (i < channels.size() - 1) list.layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build());
            list.layer(new ActivationLayer.Builder().activation(Activation.TANH).build());
            list.layer(new ChannelLayerNorm.Builder().build());
            in = channels.get(i);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(outputs).activation(Activation.IDENTITY).hasBias(false).build());
        list.setInputType(InputType.convolutional(side, side, input.channels()));
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        TorchDefaultInit.apply(net, seed);
        return net;
    }

    /** Field type on the output of conv layer i. */
    public FieldType convInput(int i) {
        return i == 0 ? input : FieldType.scalar(channels.get(i - 1));
    }

    /** The centred group on the input lattice. */
    public LatticeGroup inputGroup() {
        return LatticeGroups.centred(new Lattice(side, side), group);
    }

    /**
     * Per parameter array (conv kernels, then the linear layer): Pi_G, Pi_L (the kernels' support
     * {@code support}; the linear layer unrestricted) and Pi_E (E = L cap H_G; for a support that G
     * does not preserve, the equivariant kernels supported on the positions common to all its
     * images, which is what L cap H_G is).
     */
    public Spaces spaces(boolean[][] support) {
        List<ParamProjection> g = new ArrayList<>(), l = new ArrayList<>(), e = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            KernelShape shape = new KernelShape(channels.get(i), convInput(i).channels(), 3, 3);
            var avg = Projections.groupAverage(group, shape, convInput(i), FieldType.scalar(channels.get(i)));
            SupportMask mask = SupportMask.ofPositions(shape, support, "L");
            g.add(ParamProjection.kernel(convLayer(i), avg));
            l.add(ParamProjection.kernel(convLayer(i), mask));
            e.add(ParamProjection.kernel(convLayer(i), Projections.intersection(avg, mask)));
        }
        DenseGroupAverage dense = linearAverage();
        ParamProjection lin = new ParamProjection(outputLayer(), "W", dense, true);
        g.add(lin);
        l.add(new ParamProjection(outputLayer(), "W", Projections.identity(dense.shape()), true));
        e.add(lin);
        return new Spaces(g, l, e);
    }

    private DenseGroupAverage linearAverage() {
        int s = lastSide(), c = channels.get(channels.size() - 1);
        LatticeGroup last = LatticeGroups.centred(new Lattice(s, s), group);
        FieldType field = FieldType.scalar(c);
        List<SignedPermutation> ro = new ArrayList<>(), ri = new ArrayList<>();
        for (LatticeSymmetry el : last.elements()) {
            ro.add(SignedPermutation.identity(outputs));
            ri.add(FieldAction.of(field, el).permutation());
        }
        return new DenseGroupAverage(ro, ri, "Pi_G[" + last.name() + " on " + s + "x" + s + ", linear " + c + "ch -> " + outputs + "]");
    }

    /** The projections of one support, per parameter array in layer order. */
    public record Spaces(List<ParamProjection> group, List<ParamProjection> admissible, List<ParamProjection> equivariant) {
        public Spaces {
            group = List.copyOf(group);
            admissible = List.copyOf(admissible);
            equivariant = List.copyOf(equivariant);
        }
    }
}
