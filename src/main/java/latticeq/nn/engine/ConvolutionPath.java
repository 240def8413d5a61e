package latticeq.nn.engine;

import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One implementation of a periodic convolution's passes. {@link PeriodicConvolutionEngine} picks a
 * path per forward pass (by data type, activation, stride and batch size); a path keeps its own
 * buffers between calls.
 */
interface ConvolutionPath {

    /**
     * act(W * x + b) for x [n, cIn, h, w] (any strides; a checked input), as an [n, cOut, hOut, wOut]
     * array allocated through {@code mgr}; with {@code training}, keeps what {@link #backward} needs.
     *
     * @param w the kernel [cOut, cIn, kh, kw] and {@code b} the bias [1, cOut], as the layer holds them
     */
    INDArray forward(INDArray x, INDArray w, INDArray b, boolean training, LayerWorkspaceMgr mgr);

    /**
     * The backward pass of the last training {@link #forward} for dL/dy {@code epsilon}: writes
     * dL/dW and dL/db into the layer's gradient views {@code dW} and {@code db} and returns dL/dx
     * [n, cIn, h, w], or null when the layer's configuration asks for no input gradient.
     */
    INDArray backward(INDArray epsilon, INDArray w, INDArray dW, INDArray db, LayerWorkspaceMgr mgr);
}
