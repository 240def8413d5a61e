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
 * The DL4J layer of a {@link PeriodicConvolution}. Three paths (see docs/benchmarks.md):
 * <ul>
 * <li><b>float32 with tanh or identity</b> (every built network; the default wherever oneDNN loads):
 * {@link OneDnnConvolution}, oneDNN's convolution kernels on a periodically padded copy of the
 * input, tanh as a post-op; activations and input gradients are stored NHWC and handed to DL4J as
 * NCHW views. The two BLAS paths below remain for double precision (gradient checks), other
 * activations, and -Dlatticeq.conv.onednn=false.</li>
 * <li><b>stride 1</b> (EQ networks, the default): arrays in CHWN order (batch innermost), the input
 * copied kw times with periodic shifts along x and periodically extended rows along t
 * ({@link ShiftedCopies}); the convolution is then kh gemms on strided views of those copies,
 * straight on ND4J's memory through CBLAS ({@link Gemm}), parallel over column ranges:
 * <pre>
 *   forward   Z[cOut, t*x*n] = sum_a [W_a | b] [copies shifted by a rows | 1]
 *   backward  [dW_a | db] = dZ copies_a^T,  dX = the same convolution of dZ with the flipped kernel
 * </pre>
 * In float32 a tanh activation is fused into the layer ({@link FastTanh}). The output is an NCHW
 * view (permute) of the CHWN array, which a following periodic layer reads without a copy. Batches
 * whose copies would exceed {@link #SHIFTED_MAX} entries take the im2col path.</li>
 * <li><b>stride &gt; 1</b> (the ST baseline): a periodic im2col in Java through one precomputed
 * gather table, then one gemm per batch slice through ND4J/OpenBLAS in NHWC order:
 * <pre>
 *   forward   Z[N*Ho*Wo, Cout] = [col | 1][N*Ho*Wo, Cin*kh*kw + 1] x [W | b]^T
 *   backward  [dW | db] = dZ^T [col | 1],  dcol = dZ W,  dX = scatter-add of dcol
 * </pre>
 * The batch is cut into one slice per core (more when a slice's column matrix would exceed
 * {@link #CHUNK_ELEMENTS} entries); slices run in parallel on the common fork-join pool.</li>
 * </ul>
 * Pair with {@link Nd4jThreads#singleThreadedOps()} on small machines.
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
        lastForwardOneDnn = oneDnn(training);
        if (lastForwardOneDnn) return activateOneDnn(training, mgr);
        if (shifted()) return activateShifted(training, mgr);
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
        if (cachedInput != input) {
            activate(true, LayerWorkspaceMgr.noWorkspaces());
        }
        PeriodicIm2col t = table(input);
        if (lastForwardOneDnn) return backpropOneDnn(epsilon, mgr);
        if (shifted()) return backpropShifted(epsilon, mgr);
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
        return new Pair<>(g, layerConf().isInputGradient() ? backpropDropOutIfPresent(dx) : null);
    }

    // ---- stride 1: kh gemms over kw shifted copies in CHWN order (ShiftedCopies), no im2col ----

    /** Largest shifted-copies matrix (entries) of one pass; bigger batches go through the chunked im2col path. */
    static final long SHIFTED_MAX = Long.getLong("latticeq.conv.shiftedMax", 1L << 24);

    /**
     * Stride 1 runs on the shifted-copies path unless the batch is so large that its copies would
     * exceed {@link #SHIFTED_MAX}; strided layers (the ST baseline) and such batches run on im2col.
     */
    private boolean shifted() {
        PeriodicConvolution c = layerConf();
        if (c.getStrideH() != 1 || c.getStrideW() != 1) return false;
        long rows = input.size(2) + c.getKernelH() - 1;
        long perRow = c.getKernelW() * Math.max(c.getNIn() + 1, c.getNOut());
        return perRow * rows * input.size(3) * input.size(0) <= SHIFTED_MAX;
    }

    private transient ShiftedCopies xShift, dzShift;
    private transient INDArray xCopies, dzCopies, wFwd, wBwd, dWParts;
    private transient Object xHeap, copiesHeap, dzHeap, dzCopiesHeap, epsHeap;
    private transient float[] yHeap;
    private transient INDArray dzBuf;

    /** tanh in float32 is fused into the layer (FastTanh); other activations and double use DL4J's ops. */
    private boolean fusedTanh() {
        return !isDouble() && layerConf().getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationTanH;
    }

    private boolean isDouble() {
        return dataType == DataType.DOUBLE;
    }

    /** A heap float[] or double[] (by the layer's data type) of at least n entries, reused when possible. */
    private Object heap(Object reuse, int n) {
        if (isDouble()) return reuse instanceof double[] d && d.length >= n ? d : new double[n];
        return reuse instanceof float[] f && f.length >= n ? f : new float[n];
    }

    /** The array's values in c order of the given permutation, into a heap array. */
    private Object readPermuted(INDArray a, Object reuse, int... perm) {
        INDArray p = (a.dataType() == dataType ? a : a.castTo(dataType)).permute(perm);
        return isDouble() ? HostArrays.readDouble(p, reuse instanceof double[] d ? d : null)
                : HostArrays.readFloat(p, reuse instanceof float[] f ? f : null);
    }

    private void writeHeap(Object src, int n, INDArray dst) {
        if (src instanceof double[] d) HostArrays.write(d, n, dst, 0);
        else HostArrays.write((float[]) src, n, dst, 0);
    }

    private void writeDoubles(double[] src, INDArray dst) {
        if (isDouble()) {
            HostArrays.write(src, src.length, dst, 0);
        } else {
            float[] f = new float[src.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) src[i];
            HostArrays.write(f, f.length, dst, 0);
        }
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** Builds the shifted copies of a CHWN heap array into a detached ND4J buffer. */
    private INDArray copies(ShiftedCopies s, Object src, boolean forInput, INDArray reuse) {
        Object dst = heap(forInput ? copiesHeap : dzCopiesHeap, s.size());
        if (forInput) copiesHeap = dst; else dzCopiesHeap = dst;
        s.build(src, dst);
        INDArray buf = buffer(reuse, s.size());
        writeHeap(dst, s.size(), buf);
        return buf;
    }

    private static ShiftedCopies shifts(ShiftedCopies reuse, int c, int h, int w, int n, int kh, int kw,
            int padH, int padW, boolean ones) {
        if (reuse != null && reuse.c == c && reuse.h == h && reuse.w == w && reuse.n == n) return reuse;
        return new ShiftedCopies(c, h, w, n, kh, kw, padH, padW, ones);
    }

    /** Runs body(index, first column, column count) over column ranges of [0, columns), in parallel. */
    private static void forEachRange(int columns, int parts, RangeBody body) {
        if (parts == 1) body.run(0, 0, columns);
        else java.util.stream.IntStream.range(0, parts).parallel().forEach(i -> {
            int p0 = (int) ((long) i * columns / parts), p1 = (int) ((long) (i + 1) * columns / parts);
            body.run(i, p0, p1 - p0);
        });
    }

    private interface RangeBody {
        void run(int index, int p0, int len);
    }

    /** Column ranges: one per core, none narrower than 2048 columns (one when OpenBLAS has its own threads). */
    private static int parts(int columns) {
        // a multi-threaded OpenBLAS parallelises each gemm itself; splitting as well would oversubscribe
        if (org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads() > 1) return 1;
        return Math.max(1, Math.min(PARALLELISM, columns / 2048));
    }

    private INDArray activateShifted(boolean training, LayerWorkspaceMgr mgr) {
        PeriodicConvolution conf = layerConf();
        int n = (int) input.size(0), cIn = (int) input.size(1), h = (int) input.size(2), w = (int) input.size(3);
        int cOut = (int) conf.getNOut(), kh = conf.getKernelH(), kw = conf.getKernelW();
        xShift = shifts(xShift, cIn, h, w, n, kh, kw, PeriodicConvolution.padBefore(kh),
                PeriodicConvolution.padBefore(kw), true);
        xHeap = readPermuted(input, xHeap, 1, 2, 3, 0);
        xCopies = copies(xShift, xHeap, true, xCopies);

        // wFwd[a][co][(b, ci) | bias]: kernel row a as a [cOut, kw*cIn + 1] matrix; the bias only in row 0
        int k = kw * cIn, k1 = k + 1;
        double[] wt = doubles(getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, training, mgr));
        double[] bias = doubles(getParamWithNoise(PeriodicConvolutionParamInitializer.BIAS_KEY, training, mgr));
        double[] wf = new double[kh * cOut * k1];
        for (int co = 0; co < cOut; co++) {
            for (int ci = 0; ci < cIn; ci++)
                for (int a = 0; a < kh; a++)
                    for (int b = 0; b < kw; b++)
                        wf[(a * cOut + co) * k1 + b * cIn + ci] = wt[((co * cIn + ci) * kh + a) * kw + b];
            wf[co * k1 + k] = bias[co];
        }
        wFwd = buffer(wFwd, wf.length);
        writeDoubles(wf, wFwd);

        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {cOut, h, w, n}, 'c');
        int cols = xShift.columns(), rowLen = xShift.rowLen();
        long shiftRow = (long) w * n;
        var pw = wFwd.data().addressPointer();
        var px = xCopies.data().addressPointer();
        var po = out.data().addressPointer();
        forEachRange(cols, parts(cols), (i, p0, len) -> {
            for (int a = 0; a < kh; a++) {
                Gemm.rowMajor(isDouble(), false, cOut, len, a == 0 ? k1 : k, pw, (long) a * cOut * k1, k1,
                        px, a * shiftRow + p0, rowLen, a == 0 ? 0 : 1, po, p0, cols);
            }
        });
        if (fusedTanh()) {
            // tanh in Java on a heap copy (vectorised, FastTanh); its output is all backprop needs
            int size = cOut * cols;
            yHeap = HostArrays.readFloat(out, yHeap);
            FastTanh.apply(yHeap, size);
            HostArrays.write(yHeap, size, out, 0);
        } else if (training) {
            zCache = buffer(zCache, out.shape());
            zCache.assign(out);
        }
        cachedInput = training ? input : null;
        if (!fusedTanh()) conf.getActivationFn().getActivation(out, training);
        return out.permute(3, 0, 1, 2); // NCHW view of the CHWN array; a following periodic layer reads it as is
    }

    private Pair<Gradient, INDArray> backpropShifted(INDArray epsilon, LayerWorkspaceMgr mgr) {
        PeriodicConvolution conf = layerConf();
        ShiftedCopies s = xShift;
        int n = s.n, cIn = s.c, h = s.h, w = s.w, cOut = (int) conf.getNOut(), kh = s.kh, kw = s.kw;
        int cols = s.columns(), k = kw * cIn, k1 = k + 1;
        long shiftRow = (long) w * n;
        INDArray dz; // [cOut][h][w][n], also on the heap in dzHeap
        if (fusedTanh()) {
            epsHeap = readPermuted(epsilon, epsHeap, 1, 2, 3, 0);
            dzHeap = heap(dzHeap, cOut * cols);
            FastTanh.backprop(yHeap, (float[]) epsHeap, (float[]) dzHeap, cOut * cols);
            dzBuf = buffer(dzBuf, cOut, h, w, n);
            writeHeap(dzHeap, cOut * cols, dzBuf);
            dz = dzBuf;
        } else {
            INDArray eps = HostArrays.dense((epsilon.dataType() == dataType ? epsilon : epsilon.castTo(dataType))
                    .permute(1, 2, 3, 0));
            dz = HostArrays.dense(conf.getActivationFn().backprop(zCache, eps).getFirst());
            dzHeap = readPermuted(dz, dzHeap, 0, 1, 2, 3);
        }
        cachedInput = null; // the caches are spent (zCache was overwritten by the activation's backprop)

        // [dW | db] per kernel row and column range: dz [cOut, len] x copies^T [len, kw*cIn + 1]
        int parts = parts(cols);
        dWParts = buffer(dWParts, (long) parts * kh * cOut * k1);
        var pz = dz.data().addressPointer();
        var px = xCopies.data().addressPointer();
        var pd = dWParts.data().addressPointer();
        forEachRange(cols, parts, (i, p0, len) -> {
            for (int a = 0; a < kh; a++) {
                Gemm.rowMajor(isDouble(), true, cOut, a == 0 ? k1 : k, len, pz, p0, cols,
                        px, a * shiftRow + p0, s.rowLen(), 0, pd, ((long) i * kh + a) * cOut * k1, k1);
            }
        });
        double[] parts2 = doubles(dWParts);
        double[] dW = new double[cOut * cIn * kh * kw], db = new double[cOut];
        for (int i = 0; i < parts; i++) {
            for (int co = 0; co < cOut; co++) {
                for (int ci = 0; ci < cIn; ci++)
                    for (int a = 0; a < kh; a++)
                        for (int b = 0; b < kw; b++)
                            dW[((co * cIn + ci) * kh + a) * kw + b] += parts2[((i * kh + a) * cOut + co) * k1 + b * cIn + ci];
                db[co] += parts2[(i * kh * cOut + co) * k1 + k];
            }
        }
        INDArray dWView = gradientViews.get(PeriodicConvolutionParamInitializer.WEIGHT_KEY);
        INDArray dBView = gradientViews.get(PeriodicConvolutionParamInitializer.BIAS_KEY);
        dWView.assign(Nd4j.create(dW, dWView.shape(), 'c').castTo(dataType));
        dBView.assign(Nd4j.create(db, dBView.shape(), 'c').castTo(dataType));

        Gradient g = new DefaultGradient();
        g.setGradientFor(PeriodicConvolutionParamInitializer.WEIGHT_KEY, dWView, 'c');
        g.setGradientFor(PeriodicConvolutionParamInitializer.BIAS_KEY, dBView);
        weightNoiseParams.clear();
        if (!conf.isInputGradient()) return new Pair<>(g, null);

        // dX: the periodic correlation of dz with the flipped, transposed kernel (padding k-1-pad), same gemms
        dzShift = shifts(dzShift, cOut, h, w, n, kh, kw, kh - 1 - PeriodicConvolution.padBefore(kh),
                kw - 1 - PeriodicConvolution.padBefore(kw), false);
        dzCopies = copies(dzShift, dzHeap, false, dzCopies);
        int kb = kw * cOut;
        double[] wt = doubles(getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, true, mgr));
        double[] wb = new double[kh * cIn * kb];
        for (int co = 0; co < cOut; co++)
            for (int ci = 0; ci < cIn; ci++)
                for (int a = 0; a < kh; a++)
                    for (int b = 0; b < kw; b++)
                        wb[((kh - 1 - a) * cIn + ci) * kb + (kw - 1 - b) * cOut + co] = wt[((co * cIn + ci) * kh + a) * kw + b];
        wBwd = buffer(wBwd, wb.length);
        writeDoubles(wb, wBwd);
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, new long[] {cIn, h, w, n}, 'c');
        var pwb = wBwd.data().addressPointer();
        var pc = dzCopies.data().addressPointer();
        var pdx = dx.data().addressPointer();
        forEachRange(cols, parts, (i, p0, len) -> {
            for (int a = 0; a < kh; a++) {
                Gemm.rowMajor(isDouble(), false, cIn, len, kb, pwb, (long) a * cIn * kb, kb,
                        pc, a * shiftRow + p0, dzShift.rowLen(), a == 0 ? 0 : 1, pdx, p0, cols);
            }
        });
        return new Pair<>(g, backpropDropOutIfPresent(dx.permute(3, 0, 1, 2)));
    }

    // ---- float32 on oneDNN (the default where it loads): periodic padding in Java, convolution in oneDNN ----

    private transient boolean lastForwardOneDnn;
    /** oneDNN convolutions by shape (batch size included), least recently used first; a few sizes recur in training. */
    private transient java.util.LinkedHashMap<OneDnnConvolution.Shape, OneDnnConvolution> oneDnnByShape;
    private transient OneDnnConvolution dnn;

    /**
     * float32 layers with tanh or identity run on oneDNN when it loaded ({@link OneDnnConvolution#available()});
     * double precision and other activations keep the BLAS paths.
     */
    private boolean oneDnn(boolean training) {
        if (dataType != DataType.FLOAT || !OneDnnConvolution.available()) return false;
        var act = layerConf().getActivationFn();
        boolean supported = act instanceof org.nd4j.linalg.activations.impl.ActivationTanH
                || act instanceof org.nd4j.linalg.activations.impl.ActivationIdentity;
        // inference runs huge batches in slices; a training batch that large takes the BLAS path, which cuts it itself
        return supported && (!training || oneDnnSlice() >= input.size(0));
    }

    /**
     * Samples per oneDNN pass: as many as keep its padded input within -Dlatticeq.conv.onednnMax
     * entries (default 2^24, 64 MB; its buffers are allocated once per batch size), at least one.
     */
    private long oneDnnSlice() {
        long max = Long.getLong("latticeq.conv.onednnMax", 1L << 24);
        PeriodicConvolution c = layerConf();
        long perSample = Math.max(input.size(1), c.getNOut()) * (input.size(2) + c.getKernelH() - 1)
                * (input.size(3) + c.getKernelW() - 1);
        return Math.max(1, max / perSample);
    }

    private OneDnnConvolution oneDnnFor(OneDnnConvolution.Shape s) {
        if (oneDnnByShape == null) oneDnnByShape = new java.util.LinkedHashMap<>(8, 0.75f, true);
        OneDnnConvolution c = oneDnnByShape.get(s);
        if (c == null) {
            if (oneDnnByShape.size() >= 4) {
                var eldest = oneDnnByShape.entrySet().iterator().next();
                eldest.getValue().close();
                oneDnnByShape.remove(eldest.getKey());
            }
            oneDnnByShape.put(s, c = new OneDnnConvolution(s));
        }
        return c;
    }

    /** The array itself when its elements are contiguous in c order, else a c-ordered copy. */
    private static INDArray contiguous(INDArray a) {
        return HostArrays.isContiguousC(a) ? a : a.dup('c');
    }

    private OneDnnConvolution.Shape shape(int n, boolean tanh) {
        PeriodicConvolution conf = layerConf();
        return new OneDnnConvolution.Shape(n, (int) input.size(1), (int) input.size(2), (int) input.size(3),
                (int) conf.getNOut(), conf.getKernelH(), conf.getKernelW(), conf.getStrideH(), conf.getStrideW(), tanh,
                conf.isInputGradient());
    }

    private INDArray activateOneDnn(boolean training, LayerWorkspaceMgr mgr) {
        PeriodicConvolution conf = layerConf();
        int n = (int) input.size(0);
        boolean tanh = conf.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationTanH;
        dnn = oneDnnFor(shape((int) Math.min(n, oneDnnSlice()), tanh));
        INDArray x = input.dataType() == DataType.FLOAT ? input : input.castTo(DataType.FLOAT);
        INDArray wt = contiguous(getParamWithNoise(PeriodicConvolutionParamInitializer.WEIGHT_KEY, training, mgr));
        INDArray b = contiguous(getParamWithNoise(PeriodicConvolutionParamInitializer.BIAS_KEY, training, mgr));
        var s = dnn.shape;
        // NHWC storage, handed to DL4J as an NCHW view: oneDNN's blocked layout for 16 channels is the same
        // byte order, so the copies out of and into oneDNN (here and in the next layer) are plain copies
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {n, s.hOut(), s.wOut(), s.cOut()}, 'c').permute(0, 3, 1, 2);
        if (dnn.shape.n() == n) {
            dnn.forward(x, wt, b, out);
        } else { // inference on a batch bigger than one pass: slices of the batch (the last one may be shorter)
            for (long from = 0; from < n; from += dnn.shape.n()) {
                long to = Math.min(n, from + dnn.shape.n());
                OneDnnConvolution slice = to - from == dnn.shape.n() ? dnn : oneDnnFor(shape((int) (to - from), tanh));
                slice.forward(x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()),
                        wt, b, out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()));
            }
        }
        cachedInput = training ? input : null;
        return out;
    }

    private Pair<Gradient, INDArray> backpropOneDnn(INDArray epsilon, LayerWorkspaceMgr mgr) {
        PeriodicConvolution conf = layerConf();
        var s = dnn.shape;
        INDArray eps = epsilon.dataType() == DataType.FLOAT ? epsilon : epsilon.castTo(DataType.FLOAT);
        cachedInput = null;
        INDArray dx = conf.isInputGradient() ? mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {s.n(), s.h(), s.w(), s.cIn()}, 'c').permute(0, 3, 1, 2) : null;
        INDArray dWView = gradientViews.get(PeriodicConvolutionParamInitializer.WEIGHT_KEY);
        INDArray dBView = gradientViews.get(PeriodicConvolutionParamInitializer.BIAS_KEY);
        if (!HostArrays.isContiguousC(dWView) || !HostArrays.isContiguousC(dBView)) {
            throw new IllegalStateException("layer " + index + ": gradient views are not contiguous");
        }
        dnn.backward(eps, dWView, dBView, dx);
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
