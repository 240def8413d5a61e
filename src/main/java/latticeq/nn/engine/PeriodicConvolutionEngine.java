package latticeq.nn.engine;

import java.util.Objects;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The passes of one periodic convolution layer, run on one of three paths picked per forward pass
 * (docs/benchmarks.md has their current speed, docs/benchmarks-history.md how they compare):
 * <ul>
 * <li>{@link OneDnnPath}: float32 with tanh or identity, the layers of every built network, wherever
 * oneDNN loads (-Dlatticeq.conv.onednn=false switches it off);</li>
 * <li>{@link ShiftedGemmPath}: stride 1 otherwise (double precision: gradient checks, the float64
 * networks of the dynamics experiments), kh gemms over kw shifted copies of the input;</li>
 * <li>{@link Im2colGemmPath}: everything else (strided layers, very large batches), a circular
 * im2col and one gemm per batch slice.</li>
 * </ul>
 * The two BLAS paths are also the reference the oneDNN path is tested against. The caller (the DL4J
 * layer) checks the input's shape; the engine keeps its buffers between calls and is not thread-safe.
 */
public final class PeriodicConvolutionEngine {

    private final ConvolutionGeometry geometry;
    private final DataType type;
    private OneDnnPath oneDnn;
    private ShiftedGemmPath shifted;
    private Im2colGemmPath im2col;
    /** The path of the last forward pass, whose state the backward pass reads. */
    private ConvolutionPath lastPath;

    public PeriodicConvolutionEngine(ConvolutionGeometry geometry, DataType type) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        HostArrays.requireFloatOrDouble(type);
        this.type = type;
    }

    public ConvolutionGeometry geometry() {
        return geometry;
    }

    /** True when oneDNN loaded on this platform and was not switched off with -Dlatticeq.conv.onednn=false. */
    public static boolean oneDnnAvailable() {
        return OneDnnConvolution.available();
    }

    /** Why oneDNN did not load (null when it did). */
    public static Throwable oneDnnUnavailableReason() {
        return OneDnnConvolution.unavailableReason();
    }

    private ConvolutionPath pathFor(INDArray x, boolean training) {
        // a training batch too large for one oneDNN pass goes to a BLAS path, which cuts it itself
        if (OneDnnPath.supports(geometry, type) && (!training || OneDnnPath.samplesPerPass(geometry, x) >= x.size(0))) {
            return oneDnn == null ? oneDnn = new OneDnnPath(geometry) : oneDnn;
        }
        if (ShiftedGemmPath.supports(geometry, x)) {
            return shifted == null ? shifted = new ShiftedGemmPath(geometry, type) : shifted;
        }
        return im2col == null ? im2col = new Im2colGemmPath(geometry, type) : im2col;
    }

    /**
     * act(W * x + b) for x [n, cIn, h, w] (any strides; a checked input), as an [n, cOut, hOut, wOut]
     * array allocated through {@code mgr}; with {@code training}, keeps what {@link #backward} needs.
     *
     * @param w the kernel [cOut, cIn, kh, kw] and {@code b} the bias [1, cOut]
     */
    public INDArray forward(INDArray x, INDArray w, INDArray b, boolean training, LayerWorkspaceMgr mgr) {
        lastPath = pathFor(x, training);
        return lastPath.forward(x, w, b, training, mgr);
    }

    /**
     * The backward pass of the last training {@link #forward} for dL/dy {@code epsilon}: writes
     * dL/dW and dL/db into {@code dW} and {@code db} (the layer's gradient views, written in place)
     * and returns dL/dx [n, cIn, h, w], or null when the geometry asks for no input gradient.
     */
    public INDArray backward(INDArray epsilon, INDArray w, INDArray dW, INDArray db, LayerWorkspaceMgr mgr) {
        if (lastPath == null) throw new IllegalStateException("backward before any forward pass");
        return lastPath.backward(epsilon, w, dW, db, mgr);
    }
}
