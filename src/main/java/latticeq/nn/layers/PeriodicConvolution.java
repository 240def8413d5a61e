package latticeq.nn.layers;

import java.util.Collection;
import java.util.Map;
import latticeq.nn.engine.ConvolutionGeometry;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a periodic (circular) 2D convolution for DL4J networks: input and output in
 * NCHW layout, H along time (direction 0), W along space (direction 1), kernel [nOut][nIn][kh][kw]
 * ("W") and bias [1][nOut] ("b").
 *
 * <p>Padding wraps around the lattice: an odd kernel takes k/2 sites before and after, an even one
 * (k-1)/2 before and k/2 after (the convention of the reference code). With stride 1 the layer is
 * exactly translation equivariant and accepts any lattice size at or above the kernel size. With
 * stride s it keeps output sites 0, s, 2s, ... (ceil(H/s) of them): the ST baseline.
 *
 * <p>DL4J has no circular padding mode; this is a custom layer so that networks build, train and
 * serialize (ModelSerializer, JSON configuration) the usual way.
 */
public class PeriodicConvolution extends FeedForwardLayer {

    private int kernelH = 3;
    private int kernelW = 3;
    private int strideH = 1;
    private int strideW = 1;
    /** False for the first layer of a network, whose input gradient nobody reads (saves its dX pass). */
    private boolean inputGradient = true;

    /** For JSON deserialization only. */
    public PeriodicConvolution() {}

    private PeriodicConvolution(Builder b) {
        super(b);
        this.kernelH = b.kernelH;
        this.kernelW = b.kernelW;
        this.strideH = b.strideH;
        this.strideW = b.strideW;
        this.inputGradient = b.inputGradient;
        initializeConstraints(b);
    }

    public int getKernelH() { return kernelH; }
    public int getKernelW() { return kernelW; }
    public int getStrideH() { return strideH; }
    public int getStrideW() { return strideW; }
    public void setKernelH(int v) { kernelH = v; }
    public void setKernelW(int v) { kernelW = v; }
    public void setStrideH(int v) { strideH = v; }
    public void setStrideW(int v) { strideW = v; }
    public boolean isInputGradient() { return inputGradient; }
    public void setInputGradient(boolean v) { inputGradient = v; }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView,
            boolean initializeParams, DataType networkDataType) {
        PeriodicConvolutionLayer layer = new PeriodicConvolutionLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return PeriodicConvolutionParamInitializer.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional in = convolutional(inputType);
        return InputType.convolutional(ConvolutionGeometry.outputSize((int) in.getHeight(), strideH),
                ConvolutionGeometry.outputSize((int) in.getWidth(), strideW), nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = convolutional(inputType).getChannels();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        convolutional(inputType);
        return null;
    }

    private static InputType.InputTypeConvolutional convolutional(InputType inputType) {
        return ConvolutionalInput.of(inputType, "PeriodicConvolution");
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        long params = initializer().numParams(this);
        InputType.InputTypeConvolutional c = convolutional(out);
        long colPerExample = c.getHeight() * c.getWidth() * nIn * kernelH * kernelW;
        return new LayerMemoryReport.Builder(layerName, PeriodicConvolution.class, inputType, out)
                .standardMemory(params, params)
                .workingMemory(0, colPerExample, 0, 2 * colPerExample)
                .cacheMemory(0, 0)
                .build();
    }

    public static class Builder extends FeedForwardLayer.Builder<Builder> {
        private int kernelH = 3;
        private int kernelW = 3;
        private int strideH = 1;
        private int strideW = 1;
        private boolean inputGradient = true;

        /**
         * Whether backprop computes the gradient with respect to the layer's input (default true).
         * With false it returns null there, as DL4J's embedding layers do, and skips that pass;
         * meant for the first layer of a network.
         */
        public Builder inputGradient(boolean v) {
            this.inputGradient = v;
            return this;
        }

        /** Square kernel k x k, k in 1..3 for the paper's search space (any k >= 1 works). */
        public Builder kernelSize(int k) {
            return kernelSize(k, k);
        }

        public Builder kernelSize(int kh, int kw) {
            if (kh < 1) throw new IllegalArgumentException("kernelH = " + kh + ": need kernelH >= 1");
            if (kw < 1) throw new IllegalArgumentException("kernelW = " + kw + ": need kernelW >= 1");
            this.kernelH = kh;
            this.kernelW = kw;
            return this;
        }

        public Builder stride(int sh, int sw) {
            if (sh < 1) throw new IllegalArgumentException("strideH = " + sh + ": need strideH >= 1");
            if (sw < 1) throw new IllegalArgumentException("strideW = " + sw + ": need strideW >= 1");
            this.strideH = sh;
            this.strideW = sw;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PeriodicConvolution build() {
            if (nOut < 1) throw new IllegalArgumentException("nOut = " + nOut + ": need nOut >= 1");
            return new PeriodicConvolution(this);
        }
    }
}
