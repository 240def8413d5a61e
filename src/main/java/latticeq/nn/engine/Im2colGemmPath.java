package latticeq.nn.engine;

import java.util.Arrays;
import java.util.function.Consumer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The general BLAS path (strided layers, the ST baseline, and batches too large for
 * {@link ShiftedGemmPath}): a periodic im2col in Java through one precomputed gather table
 * ({@link PeriodicIm2col}), then one gemm per batch slice through ND4J/OpenBLAS in NHWC order:
 * <pre>
 *   forward   Z[N*Ho*Wo, Cout] = [col | 1][N*Ho*Wo, Cin*kh*kw + 1] x [W | b]^T
 *   backward  [dW | db] = dZ^T [col | 1],  dcol = dZ W,  dX = scatter-add of dcol
 * </pre>
 * The batch is cut into one slice per thread (more when a slice's column matrix would exceed
 * {@link #CHUNK_ELEMENTS} entries); slices run in parallel on the common fork-join pool.
 */
final class Im2colGemmPath implements ConvolutionPath {

    /** Largest column matrix of one batch slice (entries); bigger batches are cut into more slices. */
    static final long CHUNK_ELEMENTS = Long.getLong("latticeq.conv.chunk", 1L << 23);

    /** One slice of the batch, processed by one thread: its own column matrix and scratch arrays. */
    private static final class Chunk {
        int n0, count;
        INDArray col, dW, dcol;
        float[] hostF;
        double[] hostD;
    }

    private final ConvolutionGeometry conf;
    private final DataType type;
    private PeriodicIm2col table;
    private Chunk[] chunks;
    /** Batch size of the last forward pass. */
    private int batch;
    /** The input on the heap (by the data type), the pre-activations of the last training pass, [W | b] and [dW | db]. */
    private float[] hostF;
    private double[] hostD;
    private INDArray zCache, wAug, dWAug;

    Im2colGemmPath(ConvolutionGeometry conf, DataType type) {
        this.conf = conf;
        this.type = type;
    }

    private PeriodicIm2col table(INDArray x) {
        int ch = (int) x.size(1), h = (int) x.size(2), w = (int) x.size(3);
        if (table == null || !table.matches(ch, h, w)) {
            table = new PeriodicIm2col(ch, h, w, conf.kernelH(), conf.kernelW(), conf.strideH(), conf.strideW());
        }
        return table;
    }

    @Override
    public INDArray forward(INDArray input, INDArray weights, INDArray bias, boolean training, LayerWorkspaceMgr mgr) {
        PeriodicIm2col t = table(input);
        int n = batch = (int) input.size(0), cOut = (int) conf.channelsOut();
        INDArray x = input.dataType() == type ? input : input.castTo(type);
        if (type == DataType.FLOAT) hostF = HostArrays.readFloat(x, hostF);
        else hostD = HostArrays.readDouble(x, hostD);
        INDArray w = weightsWithBias(t, weights, bias);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, type, new long[] {n, t.hOut, t.wOut, cOut}, 'c');
        INDArray z2 = out.reshape('c', (long) n * t.hOut * t.wOut, cOut);
        Chunk[] cs = plan(t, n);
        boolean keep = training || cs.length <= Gemm.PARALLELISM; // inference on huge batches: do not hold every chunk's columns
        forEach(cs, c -> {
            Nd4j.gemm(columns(t, c), w, rowsOf(z2, t, c), false, true, 1.0, 0.0);
            if (!keep) c.col = null;
        });
        if (training) {
            zCache = HostArrays.detached(zCache, type, z2.shape());
            zCache.assign(z2);
        }
        conf.activation().getActivation(out, training);
        return out.permute(0, 3, 1, 2);
    }

    @Override
    public INDArray backward(INDArray epsilon, INDArray weights, INDArray dWView, INDArray dBView, LayerWorkspaceMgr mgr) {
        PeriodicIm2col t = table;
        int n = batch, cOut = (int) conf.channelsOut();
        long rows = (long) n * t.hOut * t.wOut;
        INDArray epsNhwc = epsilon.permute(0, 2, 3, 1).dup('c');
        INDArray z = zCache.reshape('c', n, t.hOut, t.wOut, cOut);
        INDArray delta = conf.activation().backprop(z, epsNhwc).getFirst();
        INDArray dz = HostArrays.dense(delta).reshape('c', rows, cOut);
        boolean inputGradient = conf.inputGradient();

        INDArray w2 = weights2d(weights);
        int ss = t.sampleSize();
        float[] dxF = inputGradient && type == DataType.FLOAT ? new float[n * ss] : null;
        double[] dxD = inputGradient && type == DataType.DOUBLE ? new double[n * ss] : null;
        Chunk[] cs = chunks; // the same chunks as the forward pass: their column matrices are still valid
        forEach(cs, c -> {
            long r = (long) c.count * t.hOut * t.wOut;
            INDArray dzPart = rowsOf(dz, t, c);
            // [dW | db] = dZ^T [col | 1] for this chunk; summed over chunks below
            c.dW = HostArrays.detached(c.dW, type, cOut, t.k + 1);
            Nd4j.gemm(dzPart, c.col, c.dW, true, false, 1.0, 0.0);
            if (!inputGradient) return;
            c.dcol = HostArrays.detached(c.dcol, type, r, t.k);
            Nd4j.gemm(dzPart, w2, c.dcol, false, false, 1.0, 0.0);
            if (dxF != null) t.scatterAdd(c.hostF = HostArrays.readFloat(c.dcol, c.hostF), c.n0, c.count, dxF);
            else t.scatterAdd(c.hostD = HostArrays.readDouble(c.dcol, c.hostD), c.n0, c.count, dxD);
        });
        dWAug = HostArrays.detached(dWAug, type, cOut, t.k + 1);
        dWAug.assign(cs[0].dW);
        for (int i = 1; i < cs.length; i++) dWAug.addi(cs[i].dW);
        weights2d(dWView).assign(dWAug.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t.k)));
        dBView.assign(dWAug.get(NDArrayIndex.all(), NDArrayIndex.point(t.k)).reshape(dBView.shape()));
        if (!inputGradient) return null;

        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, type, new long[] {n, t.cIn, t.h, t.w}, 'c');
        if (dxF != null) HostArrays.write(dxF, dxF.length, dx, 0);
        else HostArrays.write(dxD, dxD.length, dx, 0);
        return dx;
    }

    private INDArray weights2d(INDArray w4) {
        return w4.reshape('c', conf.channelsOut(), (long) conf.channelsIn() * conf.kernelH() * conf.kernelW());
    }

    /** [W | b] as one [cOut, k+1] matrix, so that the bias rides in the same gemm as the kernel. */
    private INDArray weightsWithBias(PeriodicIm2col t, INDArray weights, INDArray bias) {
        int cOut = (int) conf.channelsOut();
        wAug = HostArrays.detached(wAug, type, cOut, t.k + 1);
        wAug.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t.k)).assign(weights2d(weights));
        wAug.get(NDArrayIndex.all(), NDArrayIndex.point(t.k)).assign(bias.reshape(cOut));
        return wAug;
    }

    /** Splits n samples into at least one chunk per thread, each with at most CHUNK_ELEMENTS column entries. */
    private Chunk[] plan(PeriodicIm2col t, int n) {
        long perSample = (long) t.hOut * t.wOut * (t.k + 1);
        int bySize = (int) Math.min(n, (perSample * n + CHUNK_ELEMENTS - 1) / CHUNK_ELEMENTS);
        int count = Math.max(1, Math.max(Math.min(n, Gemm.PARALLELISM), bySize));
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

    private static void forEach(Chunk[] cs, Consumer<Chunk> body) {
        if (cs.length == 1) body.accept(cs[0]);
        else Arrays.stream(cs).parallel().forEach(body);
    }

    /** Fills the chunk's [rows, k+1] column matrix; the last column is 1 (the bias). */
    private INDArray columns(PeriodicIm2col t, Chunk c) {
        long rows = (long) c.count * t.hOut * t.wOut;
        c.col = HostArrays.detached(c.col, type, rows, t.k + 1);
        int n = (int) (rows * (t.k + 1));
        if (type == DataType.FLOAT) {
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

    private static INDArray rowsOf(INDArray m, PeriodicIm2col t, Chunk c) {
        long per = (long) t.hOut * t.wOut;
        return m.get(NDArrayIndex.interval(c.n0 * per, (c.n0 + c.count) * per), NDArrayIndex.all());
    }
}
