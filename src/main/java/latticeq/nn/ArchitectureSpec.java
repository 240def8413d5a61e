package latticeq.nn;

import java.util.List;
import latticeq.nn.engine.ConvolutionGeometry;

/**
 * Immutable description of one network of the EQ / ST / FL families.
 *
 * @param family        EQ, ST or FL
 * @param convChannels  output channels of each conv layer (1 to 3 layers), each >= 1
 * @param convKernels   kernel size of each conv layer (square k x k), each in 1..3
 * @param denseHidden   widths of the hidden dense layers (LeakyReLU) before the output; empty (the
 *                      papers' model) reads out with one linear layer
 * @param outputs       number of outputs (regression targets or classes), >= 1
 * @param head          REGRESSION (identity, MSE) or CLASSIFICATION (softmax, cross-entropy)
 * @param inputChannels channels of the input field (4 for link fields k_t, k_x, l_t, l_x)
 * @param stride        stride of every conv layer for ST (>= 2); must be 1 for EQ and FL
 * @param latticeNt     lattice extent along time the network is bound to (FL only; 0 = any)
 * @param latticeNx     lattice extent along space the network is bound to (FL only; 0 = any)
 */
public record ArchitectureSpec(Family family, List<Integer> convChannels, List<Integer> convKernels,
        List<Integer> denseHidden, int outputs, Head head, int inputChannels, int stride,
        int latticeNt, int latticeNx) implements java.io.Serializable {

    public static final int MAX_CONV_LAYERS = 3;
    public static final int MAX_KERNEL = 3;

    public ArchitectureSpec {
        if (family == null) throw new IllegalArgumentException("family = null: need EQ, ST or FL");
        if (head == null) throw new IllegalArgumentException("head = null: need REGRESSION or CLASSIFICATION");
        convChannels = List.copyOf(convChannels);
        convKernels = List.copyOf(convKernels);
        denseHidden = List.copyOf(denseHidden);
        if (convChannels.isEmpty() || convChannels.size() > MAX_CONV_LAYERS) {
            throw new IllegalArgumentException("conv layers = " + convChannels.size() + ": need 1.." + MAX_CONV_LAYERS);
        }
        if (convKernels.size() != convChannels.size()) {
            throw new IllegalArgumentException("convKernels size = " + convKernels.size()
                    + ": need one kernel size per conv layer (" + convChannels.size() + ")");
        }
        for (int c : convChannels) {
            if (c < 1) throw new IllegalArgumentException("conv channels = " + c + ": need >= 1");
        }
        for (int k : convKernels) {
            if (k < 1 || k > MAX_KERNEL) {
                throw new IllegalArgumentException("kernel size = " + k + ": need 1.." + MAX_KERNEL);
            }
        }
        for (int d : denseHidden) {
            if (d < 1) throw new IllegalArgumentException("dense width = " + d + ": need >= 1");
        }
        if (outputs < 1) throw new IllegalArgumentException("outputs = " + outputs + ": need >= 1");
        if (head == Head.CLASSIFICATION && outputs < 2) {
            throw new IllegalArgumentException("outputs = " + outputs + ": classification needs >= 2 classes");
        }
        if (inputChannels < 1) {
            throw new IllegalArgumentException("inputChannels = " + inputChannels + ": need >= 1");
        }
        if (family == Family.ST && stride < 2) {
            throw new IllegalArgumentException("stride = " + stride + ": ST needs stride >= 2");
        }
        if (family != Family.ST && stride != 1) {
            throw new IllegalArgumentException("stride = " + stride + ": " + family + " needs stride 1");
        }
        if (family == Family.FL) {
            if (latticeNt < 1 || latticeNx < 1) {
                throw new IllegalArgumentException("lattice = " + latticeNt + "x" + latticeNx
                        + ": FL is bound to one lattice size, need Nt >= 1 and Nx >= 1");
            }
        } else if (latticeNt != 0 || latticeNx != 0) {
            throw new IllegalArgumentException("lattice = " + latticeNt + "x" + latticeNx
                    + ": only FL is bound to a lattice size, use 0x0 for " + family);
        }
        if (latticeNt > 0) {
            int min = ConvolutionGeometry.minExtent(convKernels.stream().mapToInt(Integer::intValue).max().orElse(1));
            if (latticeNt < min || latticeNx < min) {
                throw new IllegalArgumentException("lattice = " + latticeNt + "x" + latticeNx
                        + ": too small for the kernels, need Nt, Nx >= " + min);
            }
        }
    }

    /** EQ regression network on link fields (4 input channels), e.g. eq(List.of(16,16), List.of(3,3), List.of(16), 2). */
    public static ArchitectureSpec eq(List<Integer> channels, List<Integer> kernels, List<Integer> dense, int outputs) {
        return new ArchitectureSpec(Family.EQ, channels, kernels, dense, outputs, Head.REGRESSION, 4, 1, 0, 0);
    }

    /** ST regression network with the given stride in every conv layer. */
    public static ArchitectureSpec st(List<Integer> channels, List<Integer> kernels, List<Integer> dense, int outputs,
            int stride) {
        return new ArchitectureSpec(Family.ST, channels, kernels, dense, outputs, Head.REGRESSION, 4, stride, 0, 0);
    }

    /** FL regression network bound to an Nt x Nx lattice. */
    public static ArchitectureSpec fl(List<Integer> channels, List<Integer> kernels, List<Integer> dense, int outputs,
            int nt, int nx) {
        return new ArchitectureSpec(Family.FL, channels, kernels, dense, outputs, Head.REGRESSION, 4, 1, nt, nx);
    }

    /**
     * The study's default EQ network as the papers' code builds it: conv 4->16 k3, conv 16->16 k3
     * (tanh), global average pooling, one linear layer to the 2 outputs (no hidden dense layer).
     */
    public static ArchitectureSpec paperDefault() {
        return eq(List.of(16, 16), List.of(3, 3), List.of(), 2);
    }

    /**
     * This network with hidden dense layers (LeakyReLU) between the pooling or flattening and the
     * output: an explicit option, not the papers' EQ model. After the pooling a nonlinear head can
     * learn the discrete values n takes on the training lattice and then fail between them on
     * larger lattices (notebook 04 shows the ablation).
     */
    public ArchitectureSpec withDenseHidden(List<Integer> widths) {
        return new ArchitectureSpec(family, convChannels, convKernels, widths, outputs, head, inputChannels,
                stride, latticeNt, latticeNx);
    }

    /** True when the pooled (EQ, ST) or flattened (FL) features go straight to the output layer. */
    public boolean linearReadout() {
        return denseHidden.isEmpty();
    }

    public ArchitectureSpec withHead(Head h, int outputs) {
        return new ArchitectureSpec(family, convChannels, convKernels, denseHidden, outputs, h, inputChannels,
                stride, latticeNt, latticeNx);
    }

    public ArchitectureSpec withInputChannels(int c) {
        return new ArchitectureSpec(family, convChannels, convKernels, denseHidden, outputs, head, c,
                stride, latticeNt, latticeNx);
    }

    public int convLayers() {
        return convChannels.size();
    }

    /** Smallest lattice extent the network accepts: half the largest kernel (circular padding wraps at most once). */
    public int minLatticeSize() {
        return ConvolutionGeometry.minExtent(convKernels.stream().mapToInt(Integer::intValue).max().orElse(1));
    }
}
