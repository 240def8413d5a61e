package latticeq.nn.layers;

import latticeq.nn.engine.ConvolutionGeometry;
import latticeq.nn.engine.HostArrays;
import latticeq.nn.engine.PeriodicConvolutionEngine;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DL4J layer of a {@link PeriodicConvolution}: checks the input, runs each pass on a
 * {@link PeriodicConvolutionEngine} (oneDNN in float32 wherever it loads, BLAS paths otherwise) and
 * hands DL4J the gradient the engine wrote into the layer's gradient views.
 * Pair with {@link latticeq.nn.Nd4jThreads#singleThreadedOps()} on small machines.
 */
public class PeriodicConvolutionLayer extends BaseLayer<PeriodicConvolution> {

    private transient PeriodicConvolutionEngine engine;
    /** The input of the last forward pass when that was a training pass: backprop needs it. */
    private transient INDArray cachedInput;

    public PeriodicConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        HostArrays.requireFloatOrDouble(dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    private void checkInput(INDArray x) {
        PeriodicConvolution c = layerConf();
        if (x.rank() != 4) {
            throw new IllegalArgumentException("input rank = " + x.rank()
                    + ": PeriodicConvolution needs [batch, channels, Nt, Nx] (rank 4)");
        }
        long ch = x.size(1), h = x.size(2), w = x.size(3);
        if (ch != c.getNIn()) {
            throw new IllegalArgumentException("input channels = " + ch + ": layer " + index
                    + " expects exactly " + c.getNIn());
        }
        // Circular padding may wrap at most once (PyTorch's rule for padding_mode='circular'): each
        // extent must be at least k/2. So a 3x3 kernel runs on the paper's 50x2 lattice, where its
        // left and right neighbours coincide, exactly as in the reference code.
        int minH = ConvolutionGeometry.minExtent(c.getKernelH()), minW = ConvolutionGeometry.minExtent(c.getKernelW());
        if (h < minH || w < minW) {
            throw new IllegalArgumentException("lattice = " + h + "x" + w + ": layer " + index + " has a "
                    + c.getKernelH() + "x" + c.getKernelW() + " kernel, needs Nt >= " + minH
                    + " and Nx >= " + minW + " (circular padding wraps at most once)");
        }
    }

    /** The engine, built on first use: the configuration's nIn is only known once the network is built. */
    private PeriodicConvolutionEngine engine() {
        if (engine == null) {
            PeriodicConvolution c = layerConf();
            engine = new PeriodicConvolutionEngine(new ConvolutionGeometry(c.getNIn(), c.getNOut(), c.getKernelH(),
                    c.getKernelW(), c.getStrideH(), c.getStrideW(), c.getActivationFn(), c.isInputGradient()), dataType);
        }
        return engine;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        checkInput(input);
        INDArray out = engine().forward(input, getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, training, mgr),
                getParamWithNoise(PeriodicConvolutionParamInitializer.BIAS_KEY, training, mgr), training, mgr);
        cachedInput = training ? input : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (cachedInput != input) {
            activate(true, LayerWorkspaceMgr.noWorkspaces());
        }
        INDArray dWView = gradientViews.get(PeriodicConvolutionParamInitializer.WEIGHT_KEY);
        INDArray dBView = gradientViews.get(PeriodicConvolutionParamInitializer.BIAS_KEY);
        INDArray dx = engine().backward(epsilon, getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, true, mgr),
                dWView, dBView, mgr);
        cachedInput = null; // the engine's caches are spent after one backward pass
        Gradient g = new DefaultGradient();
        g.setGradientFor(PeriodicConvolutionParamInitializer.WEIGHT_KEY, dWView, 'c');
        g.setGradientFor(PeriodicConvolutionParamInitializer.BIAS_KEY, dBView);
        weightNoiseParams.clear();
        return new Pair<>(g, dx == null ? null : backpropDropOutIfPresent(dx));
    }

    @Override
    public void clear() {
        super.clear();
        cachedInput = null;
    }
}
