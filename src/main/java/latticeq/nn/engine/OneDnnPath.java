package latticeq.nn.engine;

import java.util.LinkedHashMap;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The float32 path (the default wherever oneDNN loads): {@link OneDnnConvolution} per batch size,
 * tanh as a post-op. Activations and input gradients are stored NHWC and handed to DL4J as NCHW
 * views: for 16 channels oneDNN's blocked layout has the same byte order, so the copies out of and
 * into oneDNN (here and in the next periodic layer) are plain copies. Inference on a batch whose
 * padded input would exceed {@link #samplesPerPass} runs in slices.
 */
final class OneDnnPath implements ConvolutionPath {

    /** Convolutions kept per layer: a few batch sizes recur in training (full batches, the last one, evaluation). */
    private static final int KEPT_SHAPES = 4;

    private final ConvolutionGeometry conf;
    /** oneDNN convolutions by shape (batch size included), least recently used first. */
    private final LinkedHashMap<OneDnnConvolution.Shape, OneDnnConvolution> byShape = new LinkedHashMap<>(8, 0.75f, true);
    /** The convolution of the last forward pass, whose state the backward pass reads. */
    private OneDnnConvolution last;

    OneDnnPath(ConvolutionGeometry conf) {
        this.conf = conf;
    }

    /** float32 layers with tanh or identity run here when oneDNN loaded ({@link OneDnnConvolution#available()}). */
    static boolean supports(ConvolutionGeometry conf, DataType type) {
        IActivation act = conf.activation();
        return type == DataType.FLOAT && (act instanceof ActivationTanH || act instanceof ActivationIdentity)
                && OneDnnConvolution.available();
    }

    /**
     * Samples per oneDNN pass: as many as keep its padded input within -Dlatticeq.conv.onednnMax
     * entries (default 2^24, 64 MB; its buffers are allocated once per batch size), at least one.
     * A training batch above it takes a BLAS path, which cuts the batch itself.
     */
    static long samplesPerPass(ConvolutionGeometry conf, INDArray x) {
        long max = Long.getLong("latticeq.conv.onednnMax", 1L << 24);
        long perSample = Math.max(x.size(1), conf.channelsOut()) * (x.size(2) + conf.kernelH() - 1)
                * (x.size(3) + conf.kernelW() - 1);
        return Math.max(1, max / perSample);
    }

    @Override
    public INDArray forward(INDArray input, INDArray w, INDArray b, boolean training, LayerWorkspaceMgr mgr) {
        long n = input.size(0), pass = Math.min(n, samplesPerPass(conf, input));
        INDArray x = input.dataType() == DataType.FLOAT ? input : input.castTo(DataType.FLOAT);
        INDArray wc = contiguous(w), bc = contiguous(b);
        last = convolution(x, pass);
        var s = last.shape;
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {n, s.hOut(), s.wOut(), s.cOut()}, 'c').permute(0, 3, 1, 2);
        if (pass == n) {
            last.forward(x, wc, bc, out);
        } else { // inference only: slices of the batch, the last one possibly shorter
            for (long from = 0; from < n; from += pass) {
                long to = Math.min(n, from + pass);
                OneDnnConvolution slice = to - from == pass ? last : convolution(x, to - from);
                slice.forward(x.get(samples(from, to)), wc, bc, out.get(samples(from, to)));
            }
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray epsilon, INDArray w, INDArray dW, INDArray db, LayerWorkspaceMgr mgr) {
        var s = last.shape;
        INDArray eps = epsilon.dataType() == DataType.FLOAT ? epsilon : epsilon.castTo(DataType.FLOAT);
        if (!HostArrays.isContiguousC(dW) || !HostArrays.isContiguousC(db)) {
            throw new IllegalStateException("gradient views are not contiguous: oneDNN writes them in place");
        }
        INDArray dx = s.inputGradient() ? mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {s.n(), s.h(), s.w(), s.cIn()}, 'c').permute(0, 3, 1, 2) : null;
        last.backward(eps, dW, db, dx);
        return dx;
    }

    private OneDnnConvolution convolution(INDArray x, long n) {
        var s = new OneDnnConvolution.Shape((int) n, (int) x.size(1), (int) x.size(2), (int) x.size(3),
                (int) conf.channelsOut(), conf.kernelH(), conf.kernelW(), conf.strideH(), conf.strideW(),
                conf.activation() instanceof ActivationTanH, conf.inputGradient());
        OneDnnConvolution c = byShape.get(s);
        if (c == null) {
            if (byShape.size() >= KEPT_SHAPES) {
                var eldest = byShape.entrySet().iterator().next();
                eldest.getValue().close();
                byShape.remove(eldest.getKey());
            }
            byShape.put(s, c = new OneDnnConvolution(s));
        }
        return c;
    }

    private static INDArrayIndex[] samples(long from, long to) {
        return new INDArrayIndex[] {NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
    }

    /** The array itself when its elements are contiguous in c order, else a c-ordered copy. */
    private static INDArray contiguous(INDArray a) {
        return HostArrays.isContiguousC(a) ? a : a.dup('c');
    }
}
