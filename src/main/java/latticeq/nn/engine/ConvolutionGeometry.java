package latticeq.nn.engine;

import java.util.Objects;
import org.nd4j.linalg.activations.IActivation;

/**
 * What the engine needs to know of one periodic convolution layer: channels, kernel, stride,
 * activation, and whether the input gradient is wanted (the first layer of a network skips it).
 * Layout conventions: NCHW, H along time (direction 0), W along space (direction 1).
 *
 * <p>Padding wraps around the lattice: an odd kernel takes k/2 sites before and after, an even one
 * (k-1)/2 before and k/2 after (the convention of the reference code). With stride s the output
 * keeps sites 0, s, 2s, ... (ceil(n/s) of them).
 */
public record ConvolutionGeometry(long channelsIn, long channelsOut, int kernelH, int kernelW, int strideH,
        int strideW, IActivation activation, boolean inputGradient) {

    public ConvolutionGeometry {
        if (channelsIn < 1) throw new IllegalArgumentException("channelsIn = " + channelsIn + ": need channelsIn >= 1");
        if (channelsOut < 1) throw new IllegalArgumentException("channelsOut = " + channelsOut + ": need channelsOut >= 1");
        if (kernelH < 1) throw new IllegalArgumentException("kernelH = " + kernelH + ": need kernelH >= 1");
        if (kernelW < 1) throw new IllegalArgumentException("kernelW = " + kernelW + ": need kernelW >= 1");
        if (strideH < 1) throw new IllegalArgumentException("strideH = " + strideH + ": need strideH >= 1");
        if (strideW < 1) throw new IllegalArgumentException("strideW = " + strideW + ": need strideW >= 1");
        Objects.requireNonNull(activation, "activation");
    }

    /** Sites before the centre covered by a kernel of extent k: (k-1)/2 (odd: k/2 each side; even: one fewer before). */
    public static int padBefore(int k) {
        return (k - 1) / 2;
    }

    /** Output extent of a strided periodic convolution along an axis of n sites. */
    public static int outputSize(int n, int stride) {
        return (n + stride - 1) / stride;
    }

    /**
     * Smallest lattice extent a kernel of extent k accepts: circular padding may wrap at most once
     * (PyTorch's rule for padding_mode='circular'), so the extent must be at least k/2.
     */
    public static int minExtent(int k) {
        return Math.max(1, k / 2);
    }
}
