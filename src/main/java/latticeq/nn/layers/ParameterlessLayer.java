package latticeq.nn.layers;

import java.util.Collection;
import latticeq.nn.engine.HostArrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the library's layers without parameters share: float32 or float64 only, no pretraining,
 * no noise weights, and the wiring DL4J expects from a configuration's {@code instantiate}.
 */
abstract class ParameterlessLayer<T extends org.deeplearning4j.nn.conf.layers.Layer> extends AbstractLayer<T> {

    ParameterlessLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        HostArrays.requireFloatOrDouble(dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
    }

    /** Listeners, index, (empty) parameter view and configuration set on a freshly built layer. */
    static <L extends ParameterlessLayer<?>> L wire(L layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                                                   INDArray paramsView) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setConf(conf);
        return layer;
    }
}
