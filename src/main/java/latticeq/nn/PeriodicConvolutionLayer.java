package latticeq.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DL4J layer of a {@link PeriodicConvolution}: checks the input, runs each pass on one of three
 * {@link ConvolutionPath}s and hands DL4J the gradient (see docs/benchmarks.md for how they compare):
 * <ul>
 * <li>{@link OneDnnPath}: float32 with tanh or identity, the layers of every built network, wherever
 * oneDNN loads (-Dlatticeq.conv.onednn=false switches it off);</li>
 * <li>{@link ShiftedGemmPath}: stride 1 otherwise (double precision: gradient checks, the float64
 * networks of the dynamics experiments), kh gemms over kw shifted copies of the input;</li>
 * <li>{@link Im2colGemmPath}: everything else (strided layers, very large batches), a circular
 * im2col and one gemm per batch slice.</li>
 * </ul>
 * The two BLAS paths are also the reference the oneDNN path is tested against.
 * Pair with {@link Nd4jThreads#singleThreadedOps()} on small machines.
 */
public class PeriodicConvolutionLayer extends BaseLayer<PeriodicConvolution> {

    private transient OneDnnPath oneDnn;
    private transient ShiftedGemmPath shifted;
    private transient Im2colGemmPath im2col;
    /** The path of the last forward pass and, when that was a training pass, its input: backprop needs both. */
    private transient ConvolutionPath lastPath;
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

    /** Smallest lattice extent a kernel of extent k accepts: the padding (k/2) must not exceed it. */
    public static int minExtent(int k) {
        return Math.max(1, k / 2);
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
        int minH = minExtent(c.getKernelH()), minW = minExtent(c.getKernelW());
        if (h < minH || w < minW) {
            throw new IllegalArgumentException("lattice = " + h + "x" + w + ": layer " + index + " has a "
                    + c.getKernelH() + "x" + c.getKernelW() + " kernel, needs Nt >= " + minH
                    + " and Nx >= " + minW + " (circular padding wraps at most once)");
        }
    }

    private ConvolutionPath pathFor(INDArray x, boolean training) {
        PeriodicConvolution c = layerConf();
        // a training batch too large for one oneDNN pass goes to a BLAS path, which cuts it itself
        if (OneDnnPath.supports(c, dataType) && (!training || OneDnnPath.samplesPerPass(c, x) >= x.size(0))) {
            return oneDnn == null ? oneDnn = new OneDnnPath(c) : oneDnn;
        }
        if (ShiftedGemmPath.supports(c, x)) return shifted == null ? shifted = new ShiftedGemmPath(c, dataType) : shifted;
        return im2col == null ? im2col = new Im2colGemmPath(c, dataType) : im2col;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        checkInput(input);
        lastPath = pathFor(input, training);
        INDArray out = lastPath.forward(input, getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, training, mgr),
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
        INDArray dx = lastPath.backward(epsilon, getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, true, mgr),
                dWView, dBView, mgr);
        cachedInput = null; // a path's caches are spent after one backward pass
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
