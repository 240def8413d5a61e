package latticeq.nn.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float32 convolution of one periodic convolution shape on oneDNN, the library
 * behind PyTorch's CPU convolutions. oneDNN has no circular padding, so the input is copied into a
 * buffer extended periodically by the kernel's reach (h + kh - 1 by w + kw - 1) and an unpadded
 * ("valid") convolution runs on it. The padding is done by oneDNN reorders between regions
 * (sub-memories): the lattice into the interior, then the wrapped rows, then the wrapped columns,
 * so no copy passes through the Java heap. Backward data is the adjoint: the gradient with respect
 * to the padded buffer is folded back with accumulating reorders (columns first, then rows).
 *
 * <p>DL4J arrays are read and written in place with whatever strides they have (an NCHW view of
 * another layout is fine). oneDNN picks its own blocked layouts ("any"); a tanh activation runs as
 * a post-op of the forward convolution and its derivative as an eltwise backward primitive on the
 * kept output. Each primitive is parallelised by oneDNN with OpenMP (OMP_NUM_THREADS threads; by
 * default one per core).
 *
 * <p>One instance per shape (batch size included); not thread-safe; {@link #close()} frees the
 * native memory.
 */
final class OneDnnConvolution implements AutoCloseable {

    /**
     * One convolution: batch, channels, lattice (unpadded), kernel, stride, tanh or identity, and
     * whether the input gradient is needed (the first layer of a network skips it).
     */
    record Shape(int n, int cIn, int h, int w, int cOut, int kh, int kw, int sh, int sw, boolean tanh,
            boolean inputGradient) {
        int padH() { return ConvolutionGeometry.padBefore(kh); }
        int padW() { return ConvolutionGeometry.padBefore(kw); }
        int hPad() { return h + kh - 1; }
        int wPad() { return w + kw - 1; }
        int hOut() { return ConvolutionGeometry.outputSize(h, sh); }
        int wOut() { return ConvolutionGeometry.outputSize(w, sw); }
        long weightCount() { return (long) cOut * cIn * kh * kw; }
    }

    private static final engine ENGINE;
    private static final Throwable UNAVAILABLE;

    static {
        engine e = null;
        Throwable why = null;
        try {
            e = new engine(engine.kind.cpu, 0);
        } catch (Throwable t) { // no native library for this platform: the layer keeps its OpenBLAS paths
            why = t;
        }
        ENGINE = e;
        UNAVAILABLE = why;
    }

    /** True when oneDNN loaded on this platform and was not switched off with -Dlatticeq.conv.onednn=false. */
    static boolean available() {
        return ENGINE != null && !"false".equals(System.getProperty("latticeq.conv.onednn"));
    }

    /** Why oneDNN did not load (null when it did). */
    static Throwable unavailableReason() {
        return UNAVAILABLE;
    }

    private static final memory.data_type F32 = memory.data_type.f32;

    final Shape shape;
    private final List<Pointer> owned = new ArrayList<>();
    private final stream stream;
    private final primitive forward, backwardData, backwardWeights, tanhBackward;
    /** oneDNN-side memories (layouts of oneDNN's choice); src and diffSrc are the padded buffers. */
    private final memory src, srcForWeights, weights, weightsForData, dst, dz, diffDst, diffDstForData;
    private final memory diffWeights, diffSrc;
    /** Plain memories on DL4J's parameter and gradient views (their addresses are set on every call). */
    private final memory userWeights, bias, userDiffWeights, diffBias;
    private final IntMemoryMap forwardArgs, backwardWeightsArgs, backwardDataArgs, tanhBackwardArgs;
    /**
     * Where the padding and the fold happen: src and diffSrc themselves, or, when oneDNN cannot cut
     * regions out of their blocked layout (channels not a multiple of the block), plain NCHW copies.
     */
    private final memory padded, diffPadded;
    /** Region copies that pad (after the interior) and fold (before the interior). */
    private final List<Copy> padSrc = new ArrayList<>(), foldDiffSrc = new ArrayList<>();
    /** Reorders between DL4J arrays and oneDNN memories, by the DL4J array's strides. */
    private final List<Boundary> boundaries = new ArrayList<>();

    OneDnnConvolution(Shape s) {
        if (ENGINE == null) throw new IllegalStateException("oneDNN is not available: " + UNAVAILABLE);
        this.shape = s;
        stream = own(new stream(ENGINE));
        long[] srcDims = {s.n(), s.cIn(), s.hPad(), s.wPad()};
        long[] dstDims = {s.n(), s.cOut(), s.hOut(), s.wOut()};
        long[] wDims = {s.cOut(), s.cIn(), s.kh(), s.kw()};
        long[] strides = {s.sh(), s.sw()}, zero = {0, 0};
        memory.desc anySrc = desc(srcDims, memory.format_tag.any);
        memory.desc anyDst = desc(dstDims, memory.format_tag.any);
        memory.desc anyW = desc(wDims, memory.format_tag.any);
        memory.desc plainB = desc(new long[] {s.cOut()}, memory.format_tag.x);

        primitive_attr attr = own(new primitive_attr());
        if (s.tanh()) {
            post_ops ops = own(new post_ops());
            ops.append_eltwise(1f, dnnl.algorithm.eltwise_tanh, 0f, 0f);
            attr.set_post_ops(ops);
        }
        var fpd = own(new convolution_forward.primitive_desc(own(new convolution_forward.desc(
                dnnl.prop_kind.forward_training, dnnl.algorithm.convolution_direct, anySrc, anyW, plainB, anyDst,
                strides, zero, zero)), attr, ENGINE));
        // Backward weights in the forward pass's layouts when oneDNN has a fast kernel for them (no reorders of
        // src and dz); else in NHWC, where oneDNN's vectorised kernels take any channel count (few input channels
        // included: the first layer's 4 channels ran on an AVX2 kernel at 0.75 ms per step in oneDNN's blocked
        // choice, 0.16 ms in NHWC); else in layouts of oneDNN's choice.
        memory.desc nhwcSrc = desc(srcDims, memory.format_tag.nhwc), nhwcDst = desc(dstDims, memory.format_tag.nhwc);
        var bwpd = backwardWeights(fpd, fpd.src_desc(), anyW, plainB, fpd.dst_desc(), strides, zero);
        if (bwpd == null) bwpd = backwardWeights(fpd, nhwcSrc, anyW, plainB, nhwcDst, strides, zero);
        if (bwpd == null) {
            bwpd = own(new convolution_backward_weights.primitive_desc(own(new convolution_backward_weights.desc(
                    dnnl.algorithm.convolution_direct, anySrc, anyW, plainB, anyDst, strides, zero, zero)), ENGINE, fpd));
        }
        forward = own(new convolution_forward(fpd));
        backwardWeights = own(new convolution_backward_weights(bwpd));
        convolution_backward_data.primitive_desc bdpd = null;
        if (s.inputGradient()) {
            bdpd = own(new convolution_backward_data.primitive_desc(own(new convolution_backward_data.desc(
                    dnnl.algorithm.convolution_direct, anySrc, anyW, anyDst, strides, zero, zero)), ENGINE, fpd));
            backwardData = own(new convolution_backward_data(bdpd));
        } else {
            backwardData = null;
        }

        src = memory(fpd.src_desc());
        srcForWeights = sameOrNew(bwpd.src_desc(), src);
        weights = memory(fpd.weights_desc());
        dst = memory(fpd.dst_desc());
        dz = memory(fpd.dst_desc());
        diffDst = sameOrNew(bwpd.diff_dst_desc(), dz);
        diffWeights = memory(bwpd.diff_weights_desc());
        weightsForData = bdpd == null ? null : sameOrNew(bdpd.weights_desc(), weights);
        diffDstForData = bdpd == null ? null : sameOrNew(bdpd.diff_dst_desc(), dz);
        diffSrc = bdpd == null ? null : memory(bdpd.diff_src_desc());
        memory.desc oihw = desc(wDims, memory.format_tag.oihw);
        userWeights = handleOnly(oihw);
        userDiffWeights = handleOnly(oihw);
        bias = handleOnly(plainB);
        diffBias = handleOnly(plainB);

        if (s.tanh()) {
            memory.desc y = fpd.dst_desc();
            var efpd = own(new eltwise_forward.primitive_desc(own(new eltwise_forward.desc(
                    dnnl.prop_kind.forward_training, dnnl.algorithm.eltwise_tanh_use_dst_for_bwd, y, 0f, 0f)), ENGINE));
            var ebpd = own(new eltwise_backward.primitive_desc(own(new eltwise_backward.desc(
                    dnnl.algorithm.eltwise_tanh_use_dst_for_bwd, y, y, 0f, 0f)), ENGINE, efpd));
            tanhBackward = own(new eltwise_backward(ebpd));
        } else {
            tanhBackward = null;
        }

        forwardArgs = args(dnnl.DNNL_ARG_SRC, src, dnnl.DNNL_ARG_WEIGHTS, weights, dnnl.DNNL_ARG_BIAS, bias,
                dnnl.DNNL_ARG_DST, dst);
        backwardWeightsArgs = args(dnnl.DNNL_ARG_SRC, srcForWeights, dnnl.DNNL_ARG_DIFF_DST, diffDst,
                dnnl.DNNL_ARG_DIFF_WEIGHTS, diffWeights, dnnl.DNNL_ARG_DIFF_BIAS, diffBias);
        backwardDataArgs = bdpd == null ? null : args(dnnl.DNNL_ARG_DIFF_DST, diffDstForData,
                dnnl.DNNL_ARG_WEIGHTS, weightsForData, dnnl.DNNL_ARG_DIFF_SRC, diffSrc);
        tanhBackwardArgs = args(dnnl.DNNL_ARG_DST, dst, dnnl.DNNL_ARG_DIFF_DST, dz, dnnl.DNNL_ARG_DIFF_SRC, dz);

        memory p = src, dp = diffSrc;
        try {
            regions(src, diffSrc);
        } catch (RuntimeException blockedRegionsUnsupported) {
            padSrc.clear();
            foldDiffSrc.clear();
            // NHWC: the wrapped rows and columns are runs of whole sites, cheap to copy
            p = memory(desc(srcDims, memory.format_tag.nhwc));
            dp = diffSrc == null ? null : memory(desc(srcDims, memory.format_tag.nhwc));
            regions(p, dp);
        }
        padded = p;
        diffPadded = dp;
    }

    /** Backward weights for these layouts, or null when oneDNN has only its reference (plain loop) kernel for them. */
    private convolution_backward_weights.primitive_desc backwardWeights(convolution_forward.primitive_desc fpd,
            memory.desc src, memory.desc w, memory.desc b, memory.desc dst, long[] strides, long[] zero) {
        try {
            var pd = own(new convolution_backward_weights.primitive_desc(own(new convolution_backward_weights.desc(
                    dnnl.algorithm.convolution_direct, src, w, b, dst, strides, zero, zero)), ENGINE, fpd));
            return pd.impl_info_str().getString().startsWith("ref") ? null : pd;
        } catch (RuntimeException noKernelForTheseLayouts) {
            return null;
        }
    }

    private void regions(memory src, memory diffSrc) {
        // Periodic padding: rows first (lattice columns only), then whole columns incl. the new rows.
        Shape s = shape;
        int n = s.n(), c = s.cIn(), h = s.h(), w = s.w(), pt = s.padH(), pb = s.kh() - 1 - pt, pl = s.padW(),
                pr = s.kw() - 1 - pl, hp = s.hPad();
        // the lattice's region, which the boundary copies use: throws here when the layout cannot be cut
        region(src, new long[] {n, c, h, w}, new long[] {0, 0, pt, pl});
        if (diffSrc != null) region(diffSrc, new long[] {n, c, h, w}, new long[] {0, 0, pt, pl});
        if (pt > 0) padSrc.add(copy(src, src, new long[] {n, c, pt, w}, new long[] {0, 0, h, pl}, new long[] {0, 0, 0, pl}, false));
        if (pb > 0) padSrc.add(copy(src, src, new long[] {n, c, pb, w}, new long[] {0, 0, pt, pl}, new long[] {0, 0, pt + h, pl}, false));
        if (pl > 0) padSrc.add(copy(src, src, new long[] {n, c, hp, pl}, new long[] {0, 0, 0, w}, new long[] {0, 0, 0, 0}, false));
        if (pr > 0) padSrc.add(copy(src, src, new long[] {n, c, hp, pr}, new long[] {0, 0, 0, pl}, new long[] {0, 0, 0, pl + w}, false));
        if (diffSrc == null) return;
        // The adjoint, in reverse order: columns onto the lattice columns (all rows), then rows (done per call into dx).
        if (pl > 0) foldDiffSrc.add(copy(diffSrc, diffSrc, new long[] {n, c, hp, pl}, new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, w}, true));
        if (pr > 0) foldDiffSrc.add(copy(diffSrc, diffSrc, new long[] {n, c, hp, pr}, new long[] {0, 0, 0, pl + w}, new long[] {0, 0, 0, pl}, true));
    }

    private memory.desc desc(long[] dims, memory.format_tag tag) {
        return own(new memory.desc(dims, F32, tag));
    }

    private memory memory(memory.desc d) {
        return own(new memory(d, ENGINE));
    }

    /** The existing memory when it has the wanted layout (then no reorder is needed), else a new one. */
    private memory sameOrNew(memory.desc wanted, memory existing) {
        return dnnl.dnnl_memory_desc_equal(wanted.data(), existing.get_desc().data()) != 0 ? existing : memory(wanted);
    }

    /** A memory without its own buffer: it is pointed at a DL4J array before each use. */
    private memory handleOnly(memory.desc d) {
        return own(new memory(d, ENGINE, (Pointer) null));
    }

    private IntMemoryMap args(Object... keyValues) {
        IntMemoryMap m = own(new IntMemoryMap());
        for (int i = 0; i < keyValues.length; i += 2) m.put((Integer) keyValues[i], (memory) keyValues[i + 1]);
        return m;
    }

    private <T extends Pointer> T own(T p) {
        owned.add(p);
        return p;
    }

    /** A reorder from one region to another (same extent), optionally accumulating into the target. */
    private record Copy(memory from, memory to, reorder primitive) {
        void run(stream s) {
            primitive.execute(s, from, to);
        }
    }

    private Copy copy(memory from, memory to, long[] dims, long[] fromOffset, long[] toOffset, boolean accumulate) {
        return copy(region(from, dims, fromOffset), region(to, dims, toOffset), accumulate);
    }

    private Copy copy(memory f, memory t, boolean accumulate) {
        if (!accumulate) return new Copy(f, t, own(new reorder(f, t)));
        primitive_attr attr = own(new primitive_attr());
        post_ops ops = own(new post_ops());
        ops.append_sum();
        attr.set_post_ops(ops);
        return new Copy(f, t, own(new reorder(f, t, attr)));
    }

    private memory region(memory m, long[] dims, long[] offset) {
        return own(new memory(own(m.get_desc().submemory_desc(dims, offset)), ENGINE, m.get_data_handle()));
    }

    /**
     * The reorders between one DL4J array layout (its strides) and the oneDNN memories: for an input,
     * into the interior of src; for an output, from dst; for an output gradient, into dz; for an
     * input gradient, the interior of diffSrc and the wrapped rows (accumulating).
     */
    private final class Boundary {
        final long[] strides;
        final memory user;
        final List<Copy> copies = new ArrayList<>();

        Boundary(long[] dims, long[] strides) {
            this.strides = strides;
            user = own(new memory(own(new memory.desc(dims, F32, strides, false)), ENGINE, (Pointer) null));
        }

        /** Regions of the user array: memories of their own, each pointed at the array on every call. */
        final List<memory> views = new ArrayList<>();

        void run(INDArray a) {
            Pointer p = address(a);
            user.set_data_handle(p);
            for (memory v : views) v.set_data_handle(p);
            for (Copy c : copies) c.run(stream);
        }

        /** A copy between a region of the user array and a region of a oneDNN memory. */
        Copy copy(boolean intoUser, memory other, long[] dims, long[] userOffset, long[] otherOffset, boolean accumulate) {
            memory u = region(user, dims, userOffset), o = region(other, dims, otherOffset);
            views.add(u);
            return intoUser ? OneDnnConvolution.this.copy(o, u, accumulate) : OneDnnConvolution.this.copy(u, o, accumulate);
        }
    }

    private enum Role { INPUT, OUTPUT, OUTPUT_GRADIENT, INPUT_GRADIENT }

    private final List<Role> boundaryRoles = new ArrayList<>();

    private Boundary boundary(Role role, INDArray a) {
        long[] st = a.stride();
        for (int i = 0; i < boundaries.size(); i++) {
            if (boundaryRoles.get(i) == role && Arrays.equals(boundaries.get(i).strides, st)) return boundaries.get(i);
        }
        Boundary b = new Boundary(a.shape(), st);
        Shape s = shape;
        long n = s.n(), c = s.cIn(), h = s.h(), w = s.w();
        long pt = s.padH(), pb = s.kh() - 1 - pt, pl = s.padW();
        switch (role) {
            case INPUT -> b.copies.add(b.copy(false, padded, new long[] {n, c, h, w}, new long[4], new long[] {0, 0, pt, pl}, false));
            case OUTPUT -> b.copies.add(new Copy(dst, b.user, own(new reorder(dst, b.user))));
            case OUTPUT_GRADIENT -> b.copies.add(new Copy(b.user, dz, own(new reorder(b.user, dz))));
            case INPUT_GRADIENT -> {
                b.copies.add(b.copy(true, diffPadded, new long[] {n, c, h, w}, new long[4], new long[] {0, 0, pt, pl}, false));
                if (pt > 0) b.copies.add(b.copy(true, diffPadded, new long[] {n, c, pt, w}, new long[] {0, 0, h - pt, 0}, new long[] {0, 0, 0, pl}, true));
                if (pb > 0) b.copies.add(b.copy(true, diffPadded, new long[] {n, c, pb, w}, new long[4], new long[] {0, 0, pt + h, pl}, true));
            }
        }
        boundaries.add(b);
        boundaryRoles.add(role);
        return b;
    }

    /**
     * y = act(W * x + b), the periodic convolution, from {@code input} into {@code out} (float
     * [n, c, h, w] arrays of any strides); {@code w} ([cOut, cIn, kh, kw]) and {@code b} (cOut values)
     * must be dense in c order, as DL4J's parameter views are.
     */
    void forward(INDArray input, INDArray w, INDArray b, INDArray out) {
        boundary(Role.INPUT, input).run(input);
        for (Copy c : padSrc) c.run(stream);
        if (padded != src) reorder(padded, src);
        userWeights.set_data_handle(address(w));
        bias.set_data_handle(address(b));
        reorder(userWeights, weights);
        forward.execute(stream, forwardArgs);
        boundary(Role.OUTPUT, out).run(out);
        stream._wait();
    }

    /**
     * Backward pass of the last {@link #forward}: parameter gradients from dL/dy ({@code gradOut},
     * [n, cOut, hOut, wOut], any strides) into {@code dW} and {@code db} (dense, as DL4J's gradient
     * views are), and, when the shape asks for it, dL/dx into {@code gradIn} ([n, cIn, h, w], any strides).
     */
    void backward(INDArray gradOut, INDArray dW, INDArray db, INDArray gradIn) {
        boundary(Role.OUTPUT_GRADIENT, gradOut).run(gradOut);
        if (tanhBackward != null) tanhBackward.execute(stream, tanhBackwardArgs); // dz = dy (1 - y^2), in place
        reorder(dz, diffDst);
        reorder(src, srcForWeights);
        userDiffWeights.set_data_handle(address(dW));
        diffBias.set_data_handle(address(db));
        backwardWeights.execute(stream, backwardWeightsArgs);
        reorder(diffWeights, userDiffWeights);
        if (shape.inputGradient()) {
            reorder(dz, diffDstForData);
            reorder(weights, weightsForData);
            backwardData.execute(stream, backwardDataArgs);
            if (diffPadded != diffSrc) reorder(diffSrc, diffPadded);
            for (Copy c : foldDiffSrc) c.run(stream);
            boundary(Role.INPUT_GRADIENT, gradIn).run(gradIn);
        }
        stream._wait();
    }

    private final List<Copy> reorders = new ArrayList<>();

    /** Converts between layouts (a copy when they agree); one primitive per pair of memories. */
    private void reorder(memory from, memory to) {
        if (from == to) return;
        for (Copy c : reorders) {
            if (c.from == from && c.to == to) {
                c.run(stream);
                return;
            }
        }
        Copy c = new Copy(from, to, own(new reorder(from, to)));
        reorders.add(c);
        c.run(stream);
    }

    /** The native address of a float array's first element ({@link HostArrays#address}), as an untyped pointer at position 0. */
    static Pointer address(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("dataType = " + a.dataType() + ": the oneDNN path takes FLOAT arrays");
        }
        long at = HostArrays.address(a);
        return new Pointer() {
            {
                address = at;
            }
        };
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) owned.get(i).close();
        owned.clear();
    }
}
