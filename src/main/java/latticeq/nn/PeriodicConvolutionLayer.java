package latticeq.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The DL4J layer of a {@link PeriodicConvolution}. Fast path (see docs/benchmarks.md): a periodic
 * im2col in Java through one precomputed gather table, then one gemm for the whole batch through
 * ND4J/OpenBLAS, computed in NHWC order so that the gemm writes the activations directly:
 * <pre>
 *   forward   Z[N*Ho*Wo, Cout] = [col | 1][N*Ho*Wo, Cin*kh*kw + 1] x [W | b]^T
 *   backward  [dW | db] = dZ^T [col | 1],  dcol = dZ W,  dX = scatter-add of dcol
 * </pre>
 * The output is returned as an NCHW view (permute) of the NHWC result. The batch is cut into one
 * slice per core (more when a slice's column matrix would exceed {@link #CHUNK_ELEMENTS} entries);
 * slices run in parallel on the common fork-join pool and keep their column matrices for the
 * backward pass. Pair with {@link Nd4jThreads#singleThreadedOps()} on small machines.
 */
public class PeriodicConvolutionLayer extends BaseLayer<PeriodicConvolution> {

    /** Largest column matrix of one batch slice (entries); bigger batches are cut into more slices. */
    static final long CHUNK_ELEMENTS = Long.getLong("latticeq.conv.chunk", 1L << 23);

    private transient PeriodicIm2col im2col;
    /** Pre-activations of the last training forward pass (detached) and its input, for backprop. */
    private transient INDArray zCache;
    private transient INDArray cachedInput;
    private transient float[] hostF;
    private transient double[] hostD;

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

    private PeriodicIm2col table(INDArray x) {
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
        if (im2col == null || !im2col.matches((int) ch, (int) h, (int) w)) {
            im2col = new PeriodicIm2col((int) ch, (int) h, (int) w, c.getKernelH(), c.getKernelW(),
                    c.getStrideH(), c.getStrideW());
        }
        return im2col;
    }

    /** Smallest lattice extent a kernel of extent k accepts: the padding (k/2) must not exceed it. */
    public static int minExtent(int k) {
        return Math.max(1, k / 2);
    }


    private INDArray weights2d(INDArray w4) {
        PeriodicConvolution c = layerConf();
        return w4.reshape('c', c.getNOut(), (long) c.getNIn() * c.getKernelH() * c.getKernelW());
    }

    /** A detached (outside any workspace) buffer of the given shape, reused when it already fits. */
    private INDArray buffer(INDArray reuse, long... shape) {
        if (reuse != null && java.util.Arrays.equals(reuse.shape(), shape) && reuse.dataType() == dataType) return reuse;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.createUninitialized(dataType, shape, 'c');
        }
    }

    /** One slice of the batch, processed by one thread: its own column matrix and scratch arrays. */
    private static final class Chunk {
        int n0, count;
        INDArray col, dW, dcol;
        float[] hostF;
        double[] hostD;
    }

    private transient Chunk[] chunks;

    /** Splits n samples into at least one chunk per core, each with at most CHUNK_ELEMENTS column entries. */
    private Chunk[] plan(PeriodicIm2col t, int n) {
        long perSample = (long) t.hOut * t.wOut * (t.k + 1);
        int bySize = (int) Math.min(n, (perSample * n + CHUNK_ELEMENTS - 1) / CHUNK_ELEMENTS);
        int count = Math.max(1, Math.max(Math.min(n, PARALLELISM), bySize));
        if (chunks == null || chunks.length != count || chunks[count - 1].n0 + chunks[count - 1].count != n) {
            Chunk[] old = chunks;
            chunks = new Chunk[count];
            for (int i = 0; i < count; i++) {
                chunks[i] = old != null && i < old.length ? old[i] : new Chunk();
                chunks[i].n0 = (int) ((long) i * n / count);
                chunks[i].count = (int) ((long) (i + 1) * n / count) - chunks[i].n0;
            }
        }
        return chunks;
    }

    /** Threads over the batch (the common fork-join pool plus the caller). */
    static final int PARALLELISM = Integer.getInteger("latticeq.conv.threads", Runtime.getRuntime().availableProcessors());

    private static void forEach(Chunk[] cs, java.util.function.Consumer<Chunk> body) {
        if (cs.length == 1) body.accept(cs[0]);
        else java.util.Arrays.stream(cs).parallel().forEach(body);
    }

    /**
     * Fills the chunk's detached [rows, k+1] column matrix; the last column is 1, so that the bias
     * rides in the same gemm as the kernel (no broadcast op).
     */
    private INDArray columns(PeriodicIm2col t, Chunk c) {
        long rows = (long) c.count * t.hOut * t.wOut;
        c.col = buffer(c.col, rows, t.k + 1);
        int n = (int) (rows * (t.k + 1));
        if (dataType == DataType.FLOAT) {
            if (c.hostF == null || c.hostF.length < n) c.hostF = new float[n];
            t.gather(hostF, c.n0, c.count, c.hostF);
            HostArrays.write(c.hostF, n, c.col, 0);
        } else {
            if (c.hostD == null || c.hostD.length < n) c.hostD = new double[n];
            t.gather(hostD, c.n0, c.count, c.hostD);
            HostArrays.write(c.hostD, n, c.col, 0);
        }
        return c.col;
    }

    private void readInput(INDArray x) {
        INDArray xt = x.dataType() == dataType ? x : x.castTo(dataType);
        if (dataType == DataType.FLOAT) hostF = HostArrays.readFloat(xt, hostF);
        else hostD = HostArrays.readDouble(xt, hostD);
    }

    /** [W | b] as one [cOut, k+1] matrix. */
    private INDArray weightsWithBias(PeriodicIm2col t, boolean training, LayerWorkspaceMgr mgr) {
        int cOut = (int) layerConf().getNOut();
        INDArray w2 = weights2d(getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, training, mgr));
        INDArray b = getParamWithNoise(PeriodicConvolutionParamInitializer.BIAS_KEY, training, mgr);
        wAug = buffer(wAug, cOut, t.k + 1);
        wAug.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t.k)).assign(w2);
        wAug.get(NDArrayIndex.all(), NDArrayIndex.point(t.k)).assign(b.reshape(cOut));
        return wAug;
    }

    private transient INDArray wAug, dWAug;

    private static INDArray rowsOf(INDArray m, PeriodicIm2col t, Chunk c) {
        long per = (long) t.hOut * t.wOut;
        return m.get(NDArrayIndex.interval(c.n0 * per, (c.n0 + c.count) * per), NDArrayIndex.all());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        PeriodicIm2col t = table(input);
        int n = (int) input.size(0);
        int cOut = (int) layerConf().getNOut();
        readInput(input);
        INDArray w = weightsWithBias(t, training, mgr);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {n, t.hOut, t.wOut, cOut}, 'c');
        INDArray z2 = out.reshape('c', (long) n * t.hOut * t.wOut, cOut);
        Chunk[] cs = plan(t, n);
        boolean keep = training || cs.length <= PARALLELISM; // inference on huge batches: do not hold every chunk's columns
        forEach(cs, c -> {
            Nd4j.gemm(columns(t, c), w, rowsOf(z2, t, c), false, true, 1.0, 0.0);
            if (!keep) c.col = null;
        });
        if (training) {
            zCache = buffer(zCache, z2.shape());
            zCache.assign(z2);
            cachedInput = input;
        } else {
            cachedInput = null;
        }
        layerConf().getActivationFn().getActivation(out, training);
        return out.permute(0, 3, 1, 2);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (cachedInput != input || zCache == null) {
            activate(true, LayerWorkspaceMgr.noWorkspaces());
        }
        PeriodicIm2col t = table(input);
        int n = (int) input.size(0);
        int cOut = (int) layerConf().getNOut();
        long rows = (long) n * t.hOut * t.wOut;
        INDArray epsNhwc = epsilon.permute(0, 2, 3, 1).dup('c');
        INDArray z = zCache.reshape('c', n, t.hOut, t.wOut, cOut);
        INDArray delta = layerConf().getActivationFn().backprop(z, epsNhwc).getFirst();
        INDArray dz = HostArrays.dense(delta).reshape('c', rows, cOut);
        cachedInput = null; // zCache was overwritten by the activation's backprop

        INDArray w2 = weights2d(getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, true, mgr));
        int ss = t.sampleSize();
        float[] dxF = dataType == DataType.FLOAT ? new float[n * ss] : null;
        double[] dxD = dataType == DataType.DOUBLE ? new double[n * ss] : null;
        Chunk[] cs = plan(t, n); // the same chunks as the forward pass: their column matrices are still valid
        forEach(cs, c -> {
            long r = (long) c.count * t.hOut * t.wOut;
            INDArray dzPart = rowsOf(dz, t, c);
            // [dW | db] = dZ^T [col | 1] for this chunk; summed over chunks below
            c.dW = buffer(c.dW, cOut, t.k + 1);
            Nd4j.gemm(dzPart, c.col, c.dW, true, false, 1.0, 0.0);
            c.dcol = buffer(c.dcol, r, t.k);
            Nd4j.gemm(dzPart, w2, c.dcol, false, false, 1.0, 0.0);
            if (dxF != null) t.scatterAdd(c.hostF = HostArrays.readFloat(c.dcol, c.hostF), c.n0, c.count, dxF);
            else t.scatterAdd(c.hostD = HostArrays.readDouble(c.dcol, c.hostD), c.n0, c.count, dxD);
        });
        dWAug = buffer(dWAug, cOut, t.k + 1);
        dWAug.assign(cs[0].dW);
        for (int i = 1; i < cs.length; i++) dWAug.addi(cs[i].dW);
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {n, t.cIn, t.h, t.w}, 'c');
        if (dxF != null) HostArrays.write(dxF, dxF.length, dx, 0);
        else HostArrays.write(dxD, dxD.length, dx, 0);

        INDArray dWView = gradientViews.get(PeriodicConvolutionParamInitializer.WEIGHT_KEY);
        INDArray dBView = gradientViews.get(PeriodicConvolutionParamInitializer.BIAS_KEY);
        weights2d(dWView).assign(dWAug.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t.k)));
        dBView.assign(dWAug.get(NDArrayIndex.all(), NDArrayIndex.point(t.k)).reshape(dBView.shape()));
        Gradient g = new DefaultGradient();
        g.setGradientFor(PeriodicConvolutionParamInitializer.WEIGHT_KEY, dWView, 'c');
        g.setGradientFor(PeriodicConvolutionParamInitializer.BIAS_KEY, dBView);
        weightNoiseParams.clear();
        return new Pair<>(g, backpropDropOutIfPresent(dx));
    }

    @Override
    public void clear() {
        super.clear();
        cachedInput = null;
    }
}
