package latticeq.nn;

import latticeq.nn.engine.HostArrays;
import latticeq.nn.layers.LatticeAveragePooling;
import latticeq.nn.layers.PeriodicConvolution;
import latticeq.nn.layers.ViewGradientUpdater;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds DL4J networks of the EQ / ST / FL families from an {@link ArchitectureSpec}. Conv layers are
 * {@link PeriodicConvolution} (the fast periodic layer) with tanh; then (EQ, ST) global average
 * pooling or (FL) flattening; hidden dense layers with LeakyReLU only where the spec asks for them
 * (the papers' EQ networks have none: the pooled features go to one linear layer); the last layer is
 * identity + MSE (regression) or softmax + cross-entropy (classification). Weights and biases are
 * drawn as PyTorch's defaults ({@link TorchDefaultInit}), as in the papers' code.
 */
public final class NetworkBuilder {
    private NetworkBuilder() {}

    /** Default training setup of the paper's follow-up code: AMSGrad lr 1e-2, float32. */
    public static MultiLayerNetwork build(ArchitectureSpec spec, long seed) {
        return build(spec, seed, new AMSGrad(1e-2), 0.0, DataType.FLOAT);
    }

    /**
     * @param spec        the architecture
     * @param seed        seed of the weight initialisation (same seed, same weights)
     * @param updater     DL4J updater (e.g. {@code new AMSGrad(lr)}, {@code new Sgd(lr)})
     * @param weightDecay decoupled weight decay (AdamW style, applied after the updater), >= 0
     * @param dataType    FLOAT or DOUBLE
     */
    public static MultiLayerNetwork build(ArchitectureSpec spec, long seed, IUpdater updater, double weightDecay,
            DataType dataType) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, seed, updater, weightDecay, dataType));
        net.init();
        TorchDefaultInit.apply(net, seed);
        ViewGradientUpdater.install(net);
        return net;
    }

    public static MultiLayerConfiguration configuration(ArchitectureSpec spec, long seed, IUpdater updater,
            double weightDecay, DataType dataType) {
        HostArrays.requireFloatOrDouble(dataType);
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay = " + weightDecay + ": need >= 0");
        }
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same);
        if (weightDecay > 0) base.weightDecay(weightDecay, true);
        NeuralNetConfiguration.ListBuilder list = base.list();
        int in = spec.inputChannels();
        for (int i = 0; i < spec.convLayers(); i++) {
            int s = spec.family() == Family.ST ? spec.stride() : 1;
            list.layer(new PeriodicConvolution.Builder()
                    .kernelSize(spec.convKernels().get(i))
                    .stride(s, s)
                    .nIn(in).nOut(spec.convChannels().get(i))
                    .activation(Activation.TANH)
                    .inputGradient(i > 0) // nothing reads the first layer's input gradient
                    .build());
            in = spec.convChannels().get(i);
        }
        if (spec.family() != Family.FL) {
            list.layer(new LatticeAveragePooling.Builder().build());
        }
        for (int d : spec.denseHidden()) {
            list.layer(new DenseLayer.Builder().nOut(d).activation(Activation.LEAKYRELU).build());
        }
        if (spec.head() == Head.REGRESSION) {
            list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                    .nOut(spec.outputs()).activation(Activation.IDENTITY).build());
        } else {
            list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(spec.outputs()).activation(Activation.SOFTMAX).build());
        }
        // The input type only fixes layer widths; EQ and ST networks run on any lattice size.
        int nt = spec.family() == Family.FL ? spec.latticeNt() : 8;
        int nx = spec.family() == Family.FL ? spec.latticeNx() : 8;
        list.setInputType(InputType.convolutional(nt, nx, spec.inputChannels()));
        return list.build();
    }
}
