package latticeq.nn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.NetworkBuilder;
import latticeq.nn.layers.ConvolutionPaths;
import latticeq.nn.layers.NaiveConvolution;
import latticeq.nn.layers.PeriodicConvolution;
import latticeq.nn.layers.PeriodicConvolutionTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The stride-1 path of {@link latticeq.nn.layers.PeriodicConvolutionLayer} ({@link ShiftedGemmPath}: shifted copies,
 * float32 tanh fused into the path, CHWN views between periodic layers) against naive loops, against
 * the double-precision network (DL4J's own tanh), and against the im2col path that takes over for
 * very large batches. The float32 tests run with oneDNN switched off (this path) and, where it
 * loads, on (the oneDNN path with its tanh post-op and NHWC views).
 */
class ShiftedPathTest {

    @ParameterizedTest(name = "oneDnn {0}")
    @MethodSource("latticeq.nn.layers.ConvolutionPaths#oneDnnSettings")
    void singleTanhLayerMatchesNaiveLoops(boolean oneDnn) {
        ConvolutionPaths.withOneDnn(oneDnn, () -> {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
            int[][] cases = {{3, 4, 6, 4, 5, 3, 3}, {2, 16, 60, 4, 16, 3, 3}, {4, 3, 5, 5, 2, 2, 2}, {2, 3, 4, 1, 2, 3, 3}};
            for (int[] c : cases) {
                int n = c[0], cIn = c[1], h = c[2], w = c[3], cOut = c[4], kh = c[5], kw = c[6];
                NaiveConvolution ref = new NaiveConvolution(n, cIn, h, w, cOut, kh, kw, 1, 1);
                MultiLayerNetwork net = PeriodicConvolutionTest.singleLayer(cIn, cOut, kh, kw, 1, DataType.FLOAT, Activation.TANH);
                INDArray xa = Nd4j.create(PeriodicConvolutionTest.random(rng, n * cIn * h * w), new long[] {n, cIn, h, w}, 'c').castTo(DataType.FLOAT);
                INDArray wa = Nd4j.create(PeriodicConvolutionTest.random(rng, cOut * cIn * kh * kw), new long[] {cOut, cIn, kh, kw}, 'c').castTo(DataType.FLOAT);
                INDArray ba = Nd4j.create(PeriodicConvolutionTest.random(rng, cOut), new long[] {1, cOut}, 'c').castTo(DataType.FLOAT);
                INDArray ra = Nd4j.create(PeriodicConvolutionTest.random(rng, n * cOut * h * w), new long[] {n, cOut, h, w}, 'c').castTo(DataType.FLOAT);
                net.getLayer(0).setParam("W", wa);
                net.getLayer(0).setParam("b", ba);
                double[] x = PeriodicConvolutionTest.doubles(xa), wt = PeriodicConvolutionTest.doubles(wa),
                        b = PeriodicConvolutionTest.doubles(ba), r = PeriodicConvolutionTest.doubles(ra);

                double[] y = ref.forward(x, wt, b);
                double[] dz = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = Math.tanh(y[i]);
                    dz[i] = r[i] * (1 - y[i] * y[i]);
                }
                double[][] exp = ref.backward(x, wt, dz);
                var layer = net.getLayer(0);
                LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
                layer.setInput(xa, mgr);
                INDArray out = layer.activate(true, mgr);
                String what = java.util.Arrays.toString(c);
                PeriodicConvolutionTest.assertClose(y, out, 1e-5, "tanh forward " + what);
                Pair<Gradient, INDArray> g = layer.backpropGradient(ra, mgr);
                double scale = Math.sqrt(n * h * w);
                PeriodicConvolutionTest.assertClose(exp[0], g.getFirst().getGradientFor("W"), 1e-5 * scale, "dW " + what);
                PeriodicConvolutionTest.assertClose(exp[1], g.getFirst().getGradientFor("b"), 1e-5 * scale, "db " + what);
                PeriodicConvolutionTest.assertClose(exp[2], g.getSecond(), 1e-5 * scale, "dx " + what);
            }
        });
    }

    @ParameterizedTest(name = "oneDnn {0}")
    @MethodSource("latticeq.nn.layers.ConvolutionPaths#oneDnnSettings")
    void floatNetworkMatchesDoubleNetwork(boolean oneDnn) {
        ConvolutionPaths.withOneDnn(oneDnn, () -> {
            ArchitectureSpec spec = ArchitectureSpec.eq(List.of(6, 5, 4), List.of(3, 2, 1), List.of(8), 2);
            MultiLayerNetwork f = NetworkBuilder.build(spec, 3, new NoOp(), 0.0, DataType.FLOAT);
            MultiLayerNetwork d = NetworkBuilder.build(spec, 3, new NoOp(), 0.0, DataType.DOUBLE);
            d.setParams(f.params().castTo(DataType.DOUBLE));
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
            int n = 7, c = spec.inputChannels();
            INDArray x = Nd4j.create(PeriodicConvolutionTest.random(rng, n * c * 9 * 5), new long[] {n, c, 9, 5}, 'c');
            INDArray labels = Nd4j.create(PeriodicConvolutionTest.random(rng, n * 2), new long[] {n, 2}, 'c');
            double[] outF = PeriodicConvolutionTest.doubles(f.output(x.castTo(DataType.FLOAT)));
            double[] outD = PeriodicConvolutionTest.doubles(d.output(x));
            assertArrayEquals(outD, outF, 1e-5, "outputs");
            f.setInput(x.castTo(DataType.FLOAT));
            f.setLabels(labels.castTo(DataType.FLOAT));
            f.computeGradientAndScore();
            d.setInput(x);
            d.setLabels(labels);
            d.computeGradientAndScore();
            double[] gf = PeriodicConvolutionTest.doubles(f.gradient().gradient());
            double[] gd = PeriodicConvolutionTest.doubles(d.gradient().gradient());
            for (int i = 0; i < gd.length; i++) gf[i] = (gf[i] - gd[i]) / Math.max(1, Math.abs(gd[i]));
            assertArrayEquals(new double[gd.length], gf, 1e-4, "gradients (relative)");
        });
    }

    @Test
    void largeBatchFallsBackToIm2colWithTheSameResult() {
        ConvolutionPaths.withOneDnn(false, () -> {
            MultiLayerNetwork net = PeriodicConvolutionTest.singleLayer(16, 16, 3, 3, 1, DataType.FLOAT, Activation.TANH);
            int n = 1400, small = 100; // 1400 samples of 16 x 60 x 4 exceed SHIFTED_MAX; 100 do not
            assertTrue(51L * 62 * 4 * n > ShiftedGemmPath.SHIFTED_MAX && 51L * 62 * 4 * small <= ShiftedGemmPath.SHIFTED_MAX);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
            INDArray x = Nd4j.create(PeriodicConvolutionTest.random(rng, n * 16 * 60 * 4), new long[] {n, 16, 60, 4}, 'c')
                    .castTo(DataType.FLOAT);
            var layer = net.getLayer(0);
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            layer.setInput(x, mgr);
            double[] whole = PeriodicConvolutionTest.doubles(layer.activate(false, mgr));
            for (int s0 = 0; s0 < n; s0 += small) {
                INDArray part = x.get(NDArrayIndex.interval(s0, s0 + small), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
                layer.setInput(part, mgr);
                double[] got = PeriodicConvolutionTest.doubles(layer.activate(false, mgr));
                double[] exp = java.util.Arrays.copyOfRange(whole, s0 * 16 * 240, (s0 + small) * 16 * 240);
                assertArrayEquals(exp, got, 1e-5, "samples " + s0 + "..");
            }
        });
    }

    @ParameterizedTest(name = "oneDnn {0}")
    @MethodSource("latticeq.nn.layers.ConvolutionPaths#oneDnnSettings")
    void firstLayerSkipsTheInputGradientWithoutChangingTheParameterGradients(boolean oneDnn) {
        ConvolutionPaths.withOneDnn(oneDnn, () -> {
            ArchitectureSpec spec = ArchitectureSpec.eq(List.of(5, 4), List.of(3, 3), List.of(6), 2);
            MultiLayerNetwork skip = NetworkBuilder.build(spec, 4, new NoOp(), 0.0, DataType.FLOAT);
            var conf0 = (PeriodicConvolution) skip.getLayer(0).conf().getLayer();
            var conf1 = (PeriodicConvolution) skip.getLayer(1).conf().getLayer();
            assertTrue(!conf0.isInputGradient() && conf1.isInputGradient(), "builder flags");
            var json = org.deeplearning4j.nn.conf.MultiLayerConfiguration.fromJson(skip.getLayerWiseConfigurations().toJson());
            assertTrue(!((PeriodicConvolution) json.getConf(0).getLayer()).isInputGradient(), "flag survives JSON");

            MultiLayerNetwork full = NetworkBuilder.build(spec, 4, new NoOp(), 0.0, DataType.FLOAT);
            ((PeriodicConvolution) full.getLayer(0).conf().getLayer()).setInputGradient(true);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
            int n = 5, c = spec.inputChannels();
            INDArray x = Nd4j.create(PeriodicConvolutionTest.random(rng, n * c * 8 * 4), new long[] {n, c, 8, 4}, 'c').castTo(DataType.FLOAT);
            INDArray y = Nd4j.create(PeriodicConvolutionTest.random(rng, n * 2), new long[] {n, 2}, 'c').castTo(DataType.FLOAT);
            double[][] grads = new double[2][];
            int i = 0;
            for (MultiLayerNetwork net : new MultiLayerNetwork[] {skip, full}) {
                net.setInput(x);
                net.setLabels(y);
                net.computeGradientAndScore();
                grads[i++] = PeriodicConvolutionTest.doubles(net.gradient().gradient());
            }
            assertArrayEquals(grads[1], grads[0], 0.0, "parameter gradients");

            var layer = skip.getLayer(0);
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            layer.setInput(x, mgr);
            INDArray out = layer.activate(true, mgr);
            assertTrue(layer.backpropGradient(Nd4j.onesLike(out), mgr).getSecond() == null, "no input gradient");
        });
    }
}
