package latticeq.nn.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation over the sites of every channel of every sample, without a learned scale or
 * shift: y = (x - mean) / sqrt(var + eps), mean and (biased) variance over the H x W sites. This
 * is PyTorch's {@code LayerNorm(normalized_shape=(H, W), elementwise_affine=False)} on NCHW
 * activations, as in the network of arXiv:2303.13458's code. A permutation of the sites (a
 * rotation of the image) leaves mean and variance unchanged, so the layer commutes with the
 * group; DL4J's own layer normalisation normalises over channels and has a gain.
 */
public class ChannelLayerNorm extends NoParamLayer {

    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPS = 1e-5;

    private double eps = DEFAULT_EPS;

    /** For JSON deserialization and the builder. */
    public ChannelLayerNorm() {}

    private ChannelLayerNorm(Builder b) {
        super(b);
        this.eps = b.eps;
    }

    public double getEps() { return eps; }
    public void setEps(double e) { eps = e; }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
            int layerIndex, INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        return ParameterlessLayer.wire(new ChannelLayerNormLayer(conf, networkDataType), conf, listeners, layerIndex, paramsView);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return ConvolutionalInput.of(inputType, "ChannelLayerNorm");
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        ConvolutionalInput.of(inputType, "ChannelLayerNorm");
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, ChannelLayerNorm.class, inputType, inputType)
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    public static class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        private double eps = DEFAULT_EPS;

        /** @param e > 0, added to the variance */
        public Builder eps(double e) {
            if (!(e > 0) || !Double.isFinite(e)) throw new IllegalArgumentException("eps = " + e + ": need a finite value > 0");
            this.eps = e;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public ChannelLayerNorm build() {
            return new ChannelLayerNorm(this);
        }
    }
}
