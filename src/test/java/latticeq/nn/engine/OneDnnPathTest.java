package latticeq.nn.engine;


import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import latticeq.nn.layers.ConvolutionPaths;
import latticeq.nn.layers.PeriodicConvolutionTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The float32 oneDNN path of {@link latticeq.nn.layers.PeriodicConvolutionLayer} against the layer's BLAS paths (the
 * same layer with -Dlatticeq.conv.onednn=false), which PeriodicConvolutionTest checks against naive
 * loops in double precision. Covers what only the oneDNN path has: the tanh post-op and its eltwise
 * backward, channel counts that are not a multiple of oneDNN's block (padding on a plain copy),
 * input arrays that are views with arbitrary strides, and the skipped input gradient.
 */
class OneDnnPathTest {

    @Test
    void oneDnnIsTheFloatPathOnLinuxX86() {
        String os = System.getProperty("os.name").toLowerCase(), arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")));
        assertTrue(OneDnnConvolution.available(), () -> "oneDNN did not load: " + OneDnnConvolution.unavailableReason());
    }

    @Test
    void matchesTheBlasPathsWithTanh() {
        assumeTrue(OneDnnConvolution.available());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        int[][] cases = { // n, cIn, h, w, cOut, kh, kw, stride
                {100, 4, 60, 4, 16, 3, 3, 1}, {3, 16, 60, 4, 16, 3, 3, 1}, {4, 22, 12, 4, 22, 3, 3, 1},
                {5, 3, 7, 5, 5, 2, 3, 1}, {2, 16, 10, 4, 8, 3, 3, 2}, {3, 6, 2, 2, 4, 3, 3, 1}, {1, 4, 9, 3, 20, 1, 1, 1}};
        for (int[] c : cases) {
            int n = c[0], cIn = c[1], h = c[2], w = c[3], cOut = c[4], kh = c[5], kw = c[6], s = c[7];
            MultiLayerNetwork net = PeriodicConvolutionTest.singleLayer(cIn, cOut, kh, kw, s, DataType.FLOAT, Activation.TANH);
            net.getLayer(0).setParam("W", floats(rng, cOut, cIn, kh, kw));
            net.getLayer(0).setParam("b", floats(rng, 1, cOut));
            INDArray x = floats(rng, n, cIn, h, w);
            INDArray r = floats(rng, n, cOut, ConvolutionGeometry.outputSize(h, s), ConvolutionGeometry.outputSize(w, s));
            String what = java.util.Arrays.toString(c);
            INDArray[] fast = pass(net.getLayer(0), x, r, true);
            INDArray[] blas = pass(net.getLayer(0), x, r, false);
            for (int i = 0; i < fast.length; i++) assertClose(blas[i], fast[i], 2e-5, what + " part " + i);
        }
    }

    /** Every padding case: kernels 1-3 (no halo, halo on one side, both), strides, channel counts off oneDNN's blocks. */
    @Test
    void sweepOfShapesMatchesTheBlasPaths() {
        assumeTrue(OneDnnConvolution.available());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        for (int cIn : new int[] {1, 4, 22}) for (int cOut : new int[] {1, 16, 22}) for (int k : new int[] {1, 2, 3})
            for (int s : new int[] {1, 2}) for (int[] hw : new int[][] {{5, 3}, {2, 2}}) {
                MultiLayerNetwork net = PeriodicConvolutionTest.singleLayer(cIn, cOut, k, k, s, DataType.FLOAT,
                        (k + s) % 2 == 0 ? Activation.TANH : Activation.IDENTITY);
                INDArray x = floats(rng, 3, cIn, hw[0], hw[1]);
                INDArray r = floats(rng, 3, cOut, ConvolutionGeometry.outputSize(hw[0], s), ConvolutionGeometry.outputSize(hw[1], s));
                INDArray[] fast = pass(net.getLayer(0), x, r, true), blas = pass(net.getLayer(0), x, r, false);
                for (int i = 0; i < fast.length; i++) {
                    assertClose(blas[i], fast[i], 2e-5, "cIn " + cIn + " cOut " + cOut + " k " + k + " s " + s + " "
                            + hw[0] + "x" + hw[1] + " part " + i);
                }
            }
    }

    @Test
    void readsStridedViewsAsTheyAre() {
        assumeTrue(OneDnnConvolution.available());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
        MultiLayerNetwork net = PeriodicConvolutionTest.singleLayer(5, 7, 3, 3, 1, DataType.FLOAT, Activation.TANH);
        net.getLayer(0).setParam("W", floats(rng, 7, 5, 3, 3));
        // an NCHW view of an NHWC array, and a slice of a bigger batch
        INDArray nhwc = floats(rng, 6, 8, 3, 5);
        INDArray view = nhwc.permute(0, 3, 1, 2).get(NDArrayIndex.interval(2, 5), NDArrayIndex.all(),
                NDArrayIndex.all(), NDArrayIndex.all());
        INDArray r = floats(rng, 10, 7, 8, 3).permute(0, 1, 3, 2).get(NDArrayIndex.interval(1, 4),
                NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).permute(0, 1, 3, 2);
        INDArray[] viaView = pass(net.getLayer(0), view, r, true);
        INDArray[] viaCopy = pass(net.getLayer(0), view.dup('c'), r.dup('c'), true);
        for (int i = 0; i < viaView.length; i++) assertClose(viaCopy[i], viaView[i], 1e-6, "part " + i);
    }

    @Test
    void inferenceOnABatchBiggerThanOnePassRunsInSlices() {
        assumeTrue(OneDnnConvolution.available());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        MultiLayerNetwork net = PeriodicConvolutionTest.singleLayer(4, 6, 3, 3, 1, DataType.FLOAT, Activation.TANH);
        INDArray x = floats(rng, 11, 4, 6, 5);
        Layer layer = net.getLayer(0);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(x, mgr);
        INDArray whole = layer.activate(false, mgr).dup('c');
        System.setProperty("latticeq.conv.onednnMax", Integer.toString(3 * 6 * 8 * 7)); // 3 samples per pass
        try {
            layer.setInput(x, mgr);
            assertClose(whole, layer.activate(false, mgr).dup('c'), 1e-7, "4 slices (3 + 3 + 3 + 2)");
            // a training batch above the limit takes the BLAS path instead
            INDArray[] blas = pass(layer, x, floats(rng, 11, 6, 6, 5), false);
            INDArray[] big = pass(layer, x, blas[0].mul(0).addi(0.5), true);
            assertClose(blas[0], big[0], 2e-5, "training forward above the limit");
        } finally {
            System.clearProperty("latticeq.conv.onednnMax");
        }
    }

    /** Output, dW, db, dx of one training pass; copies, so that later passes cannot change them. */
    private static INDArray[] pass(Layer layer, INDArray x, INDArray r, boolean oneDnn) {
        return ConvolutionPaths.withOneDnn(oneDnn, () -> {
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            layer.setInput(x, mgr);
            INDArray out = layer.activate(true, mgr).dup('c');
            Pair<Gradient, INDArray> g = layer.backpropGradient(r, mgr);
            return new INDArray[] {out, g.getFirst().getGradientFor("W").dup('c'),
                    g.getFirst().getGradientFor("b").dup('c'), g.getSecond().dup('c')};
        });
    }

    private static INDArray floats(UniformRandomProvider rng, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return Nd4j.create(PeriodicConvolutionTest.random(rng, (int) n), shape, 'c').castTo(DataType.FLOAT);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = PeriodicConvolutionTest.doubles(expected), a = PeriodicConvolutionTest.doubles(actual);
        double scale = 0;
        for (double v : e) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            if (Math.abs(e[i] - a[i]) > tol * Math.max(1, scale)) {
                fail(what + ": entry " + i + " expected " + e[i] + " got " + a[i] + " (tol " + tol + " x " + scale + ")");
            }
        }
    }
}
