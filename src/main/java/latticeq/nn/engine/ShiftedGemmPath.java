package latticeq.nn.engine;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The stride-1 BLAS path (double precision, and float32 where oneDNN is not used): arrays in CHWN
 * order (batch innermost), the input copied kw times with periodic shifts along x and periodically
 * extended rows along t ({@link ShiftedCopies}); the convolution is then kh gemms on strided views
 * of those copies, straight on ND4J's memory ({@link Gemm}), parallel over column ranges:
 * <pre>
 *   forward   Z[cOut, t*x*n] = sum_a [W_a | b] [copies shifted by a rows | 1]
 *   backward  [dW_a | db] = dZ copies_a^T,  dX = the same convolution of dZ with the flipped kernel
 * </pre>
 * In float32 a tanh activation is fused into the path ({@link FastTanh}). The output is an NCHW
 * view (permute) of the CHWN array, which a following periodic layer reads without a copy.
 */
final class ShiftedGemmPath implements ConvolutionPath {

    /** Largest shifted-copies matrix (entries) of one pass; bigger batches go through the chunked im2col path. */
    static final long SHIFTED_MAX = Long.getLong("latticeq.conv.shiftedMax", 1L << 24);

    private final ConvolutionGeometry conf;
    private final DataType type;
    private ShiftedCopies xShift, dzShift;
    private INDArray xCopies, dzCopies, wFwd, wBwd, dWParts, zCache, dzBuf;
    /** Heap float[] or double[] (by the data type), reused between calls. */
    private Object xHeap, copiesHeap, dzHeap, dzCopiesHeap, epsHeap;
    private float[] yHeap;

    ShiftedGemmPath(ConvolutionGeometry conf, DataType type) {
        this.conf = conf;
        this.type = type;
    }

    /** Stride 1, unless the batch is so large that its copies would exceed {@link #SHIFTED_MAX}. */
    static boolean supports(ConvolutionGeometry c, INDArray x) {
        if (c.strideH() != 1 || c.strideW() != 1) return false;
        long rows = x.size(2) + c.kernelH() - 1;
        long perRow = c.kernelW() * Math.max(c.channelsIn() + 1, c.channelsOut());
        return perRow * rows * x.size(3) * x.size(0) <= SHIFTED_MAX;
    }

    /** tanh in float32 is fused into the path (FastTanh); other activations and double use DL4J's ops. */
    private boolean fusedTanh() {
        return !isDouble() && conf.activation() instanceof ActivationTanH;
    }

    private boolean isDouble() {
        return type == DataType.DOUBLE;
    }

    @Override
    public INDArray forward(INDArray input, INDArray weights, INDArray bias, boolean training, LayerWorkspaceMgr mgr) {
        int n = (int) input.size(0), cIn = (int) input.size(1), h = (int) input.size(2), w = (int) input.size(3);
        int cOut = (int) conf.channelsOut(), kh = conf.kernelH(), kw = conf.kernelW();
        xShift = shifts(xShift, cIn, h, w, n, kh, kw, ConvolutionGeometry.padBefore(kh),
                ConvolutionGeometry.padBefore(kw), true);
        xHeap = readPermuted(input, xHeap, 1, 2, 3, 0);
        xCopies = copies(xShift, xHeap, true, xCopies);

        // wFwd[a][co][(b, ci) | bias]: kernel row a as a [cOut, kw*cIn + 1] matrix; the bias only in row 0
        int k = kw * cIn, k1 = k + 1;
        double[] wt = doubles(weights), b = doubles(bias);
        double[] wf = new double[kh * cOut * k1];
        for (int co = 0; co < cOut; co++) {
            for (int ci = 0; ci < cIn; ci++)
                for (int a = 0; a < kh; a++)
                    for (int bb = 0; bb < kw; bb++)
                        wf[(a * cOut + co) * k1 + bb * cIn + ci] = wt[((co * cIn + ci) * kh + a) * kw + bb];
            wf[co * k1 + k] = b[co];
        }
        wFwd = HostArrays.detached(wFwd, type, wf.length);
        writeDoubles(wf, wFwd);

        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, type, new long[] {cOut, h, w, n}, 'c');
        int cols = xShift.columns(), rowLen = xShift.rowLen();
        long shiftRow = (long) w * n;
        var pw = wFwd.data().addressPointer();
        var px = xCopies.data().addressPointer();
        var po = out.data().addressPointer();
        Gemm.forEachRange(cols, Gemm.parts(cols), (i, p0, len) -> {
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
        } else {
            if (training) {
                zCache = HostArrays.detached(zCache, type, out.shape());
                zCache.assign(out);
            }
            conf.activation().getActivation(out, training);
        }
        return out.permute(3, 0, 1, 2); // NCHW view of the CHWN array; a following periodic layer reads it as is
    }

    @Override
    public INDArray backward(INDArray epsilon, INDArray weights, INDArray dWView, INDArray dBView, LayerWorkspaceMgr mgr) {
        ShiftedCopies s = xShift;
        int n = s.n, cIn = s.c, h = s.h, w = s.w, cOut = (int) conf.channelsOut(), kh = s.kh, kw = s.kw;
        int cols = s.columns(), k = kw * cIn, k1 = k + 1;
        long shiftRow = (long) w * n;
        INDArray dz; // [cOut][h][w][n], also on the heap in dzHeap
        if (fusedTanh()) {
            epsHeap = readPermuted(epsilon, epsHeap, 1, 2, 3, 0);
            dzHeap = heap(dzHeap, cOut * cols);
            FastTanh.backprop(yHeap, (float[]) epsHeap, (float[]) dzHeap, cOut * cols);
            dzBuf = HostArrays.detached(dzBuf, type, cOut, h, w, n);
            writeHeap(dzHeap, cOut * cols, dzBuf);
            dz = dzBuf;
        } else {
            INDArray eps = HostArrays.dense((epsilon.dataType() == type ? epsilon : epsilon.castTo(type))
                    .permute(1, 2, 3, 0));
            dz = HostArrays.dense(conf.activation().backprop(zCache, eps).getFirst());
            dzHeap = readPermuted(dz, dzHeap, 0, 1, 2, 3);
        }

        // [dW | db] per kernel row and column range: dz [cOut, len] x copies^T [len, kw*cIn + 1]
        int parts = Gemm.parts(cols);
        dWParts = HostArrays.detached(dWParts, type, (long) parts * kh * cOut * k1);
        var pz = dz.data().addressPointer();
        var px = xCopies.data().addressPointer();
        var pd = dWParts.data().addressPointer();
        Gemm.forEachRange(cols, parts, (i, p0, len) -> {
            for (int a = 0; a < kh; a++) {
                Gemm.rowMajor(isDouble(), true, cOut, a == 0 ? k1 : k, len, pz, p0, cols,
                        px, a * shiftRow + p0, s.rowLen(), 0, pd, ((long) i * kh + a) * cOut * k1, k1);
            }
        });
        double[] byPart = doubles(dWParts);
        double[] dW = new double[cOut * cIn * kh * kw], db = new double[cOut];
        for (int i = 0; i < parts; i++) {
            for (int co = 0; co < cOut; co++) {
                for (int ci = 0; ci < cIn; ci++)
                    for (int a = 0; a < kh; a++)
                        for (int b = 0; b < kw; b++)
                            dW[((co * cIn + ci) * kh + a) * kw + b] += byPart[((i * kh + a) * cOut + co) * k1 + b * cIn + ci];
                db[co] += byPart[(i * kh * cOut + co) * k1 + k];
            }
        }
        dWView.assign(Nd4j.create(dW, dWView.shape(), 'c').castTo(type));
        dBView.assign(Nd4j.create(db, dBView.shape(), 'c').castTo(type));
        if (!conf.inputGradient()) return null;

        // dX: the periodic correlation of dz with the flipped, transposed kernel (padding k-1-pad), same gemms
        dzShift = shifts(dzShift, cOut, h, w, n, kh, kw, kh - 1 - ConvolutionGeometry.padBefore(kh),
                kw - 1 - ConvolutionGeometry.padBefore(kw), false);
        dzCopies = copies(dzShift, dzHeap, false, dzCopies);
        int kb = kw * cOut;
        double[] wt = doubles(weights);
        double[] wb = new double[kh * cIn * kb];
        for (int co = 0; co < cOut; co++)
            for (int ci = 0; ci < cIn; ci++)
                for (int a = 0; a < kh; a++)
                    for (int b = 0; b < kw; b++)
                        wb[((kh - 1 - a) * cIn + ci) * kb + (kw - 1 - b) * cOut + co] = wt[((co * cIn + ci) * kh + a) * kw + b];
        wBwd = HostArrays.detached(wBwd, type, wb.length);
        writeDoubles(wb, wBwd);
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, type, new long[] {cIn, h, w, n}, 'c');
        var pwb = wBwd.data().addressPointer();
        var pc = dzCopies.data().addressPointer();
        var pdx = dx.data().addressPointer();
        Gemm.forEachRange(cols, parts, (i, p0, len) -> {
            for (int a = 0; a < kh; a++) {
                Gemm.rowMajor(isDouble(), false, cIn, len, kb, pwb, (long) a * cIn * kb, kb,
                        pc, a * shiftRow + p0, dzShift.rowLen(), a == 0 ? 0 : 1, pdx, p0, cols);
            }
        });
        return dx.permute(3, 0, 1, 2);
    }

    /** A heap float[] or double[] (by the data type) of at least n entries, reused when possible. */
    private Object heap(Object reuse, int n) {
        if (isDouble()) return reuse instanceof double[] d && d.length >= n ? d : new double[n];
        return reuse instanceof float[] f && f.length >= n ? f : new float[n];
    }

    /** The array's values in c order of the given permutation, into a heap array. */
    private Object readPermuted(INDArray a, Object reuse, int... perm) {
        INDArray p = (a.dataType() == type ? a : a.castTo(type)).permute(perm);
        return isDouble() ? HostArrays.readDouble(p, reuse instanceof double[] d ? d : null)
                : HostArrays.readFloat(p, reuse instanceof float[] f ? f : null);
    }

    private static void writeHeap(Object src, int n, INDArray dst) {
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
        INDArray buf = HostArrays.detached(reuse, type, s.size());
        writeHeap(dst, s.size(), buf);
        return buf;
    }

    private static ShiftedCopies shifts(ShiftedCopies reuse, int c, int h, int w, int n, int kh, int kw,
            int padH, int padW, boolean ones) {
        if (reuse != null && reuse.c == c && reuse.h == h && reuse.w == w && reuse.n == n) return reuse;
        return new ShiftedCopies(c, h, w, n, kh, kw, padH, padW, ones);
    }
}
