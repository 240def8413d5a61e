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
 * Global average pooling over the lattice: [n, c, Nt, Nx] to [n, c], the invariant readout of the
 * EQ family (the same function as DL4J's {@code GlobalPoolingLayer} with {@code PoolingType.AVG}).
 * Its own layer so that it reads and writes the activations in the storage order of
 * {@link PeriodicConvolutionLayer} (NHWC behind an NCHW view) with one pass over memory, instead
 * of DL4J's reduction and broadcast ops on a strided view.
 */
public class LatticeAveragePooling extends NoParamLayer {

    /** For JSON deserialization and the builder. */
    public LatticeAveragePooling() {}

    private LatticeAveragePooling(Builder b) {
        super(b);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView,
            boolean initializeParams, DataType networkDataType) {
        return ParameterlessLayer.wire(new LatticeAveragePoolingLayer(conf, networkDataType), conf, listeners, layerIndex, paramsView);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(convolutional(inputType).getChannels());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        convolutional(inputType);
        return null;
    }

    private static InputType.InputTypeConvolutional convolutional(InputType inputType) {
        return ConvolutionalInput.of(inputType, "LatticeAveragePooling");
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, LatticeAveragePooling.class, inputType,
                getOutputType(-1, inputType)).standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    public static class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public LatticeAveragePooling build() {
            return new LatticeAveragePooling(this);
        }
    }
}
