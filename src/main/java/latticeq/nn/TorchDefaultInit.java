package latticeq.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weight initialisation of the papers' code: PyTorch's default for {@code Conv2d} and
 * {@code Linear} ({@code kaiming_uniform_(a = sqrt 5)} for weights, which is U(-b, b) with
 * b = 1 / sqrt(fan_in), and the same U(-b, b) for biases). DL4J has no bias distribution of that
 * kind (it sets biases to a constant), so every W and b of a built network is drawn again here,
 * layer by layer in order, from one seeded Commons RNG: same seed, same bits on any engine or
 * thread count. fan_in = in-channels x kernel area for convolutions, in-features for dense layers.
 */
public final class TorchDefaultInit {
    private TorchDefaultInit() {}

    /** Draws every layer's W and b of {@code net} (already initialised) from U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    public static void apply(MultiLayerNetwork net, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x70C4D3FA17L);
        for (Layer layer : net.getLayers()) {
            if (layer.numParams() == 0) continue; // pooling: some parameterless layers refuse getParam
            INDArray w = layer.paramTable().get("W");
            if (w == null) continue;
            if (!(layer.conf().getLayer() instanceof FeedForwardLayer ff)) {
                throw new IllegalArgumentException("layer " + layer.getIndex() + " (" + layer.getClass().getSimpleName()
                        + ") has weights but no nIn/nOut: cannot derive its fan_in");
            }
            long fanIn = w.length() / ff.getNOut();
            double bound = 1.0 / Math.sqrt(fanIn);
            fill(w, rng, bound);
            INDArray b = layer.paramTable().get("b");
            if (b != null) fill(b, rng, bound);
        }
    }

    private static void fill(INDArray target, UniformRandomProvider rng, double bound) {
        double[] values = new double[(int) target.length()];
        for (int i = 0; i < values.length; i++) values[i] = bound * (2 * rng.nextDouble() - 1);
        // assign into the existing view: the layer's parameters are views of the network's flat vector
        target.assign(Nd4j.create(values, target.shape(), target.ordering()));
    }
}
