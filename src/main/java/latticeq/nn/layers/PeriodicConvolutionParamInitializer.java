package latticeq.nn.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of a {@link PeriodicConvolution}: kernel "W" [nOut][nIn][kh][kw] first, then bias
 * "b" [1][nOut], both views into DL4J's flattened parameter vector (c order).
 */
public final class PeriodicConvolutionParamInitializer implements ParamInitializer {

    public static final PeriodicConvolutionParamInitializer INSTANCE = new PeriodicConvolutionParamInitializer();
    public static final String WEIGHT_KEY = "W";
    public static final String BIAS_KEY = "b";

    private PeriodicConvolutionParamInitializer() {}

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        PeriodicConvolution c = (PeriodicConvolution) layer;
        return weightCount(c) + c.getNOut();
    }

    private static long weightCount(PeriodicConvolution c) {
        return c.getNOut() * c.getNIn() * c.getKernelH() * c.getKernelW();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(WEIGHT_KEY, BIAS_KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(WEIGHT_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS_KEY);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        PeriodicConvolution c = (PeriodicConvolution) conf.getLayer();
        Map<String, INDArray> views = split(c, paramsView);
        if (initializeParams) {
            long fanIn = c.getNIn() * c.getKernelH() * c.getKernelW();
            long fanOut = c.getNOut() * c.getKernelH() * c.getKernelW();
            INDArray w = views.get(WEIGHT_KEY);
            c.getWeightInitFn().init(fanIn, fanOut, w.shape(), 'c', w);
            views.get(BIAS_KEY).assign(c.getBiasInit());
        }
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return split((PeriodicConvolution) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> split(PeriodicConvolution c, INDArray flat) {
        long nW = weightCount(c);
        INDArray row = flat.reshape('c', 1, flat.length());
        INDArray w = row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(0, nW))
                .reshape('c', c.getNOut(), c.getNIn(), c.getKernelH(), c.getKernelW());
        INDArray b = row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(nW, nW + c.getNOut()));
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(WEIGHT_KEY, w);
        m.put(BIAS_KEY, b);
        return m;
    }
}
