package latticeq.nn.layers;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

public class PeriodicConvolutionTest {

    public static double[] random(UniformRandomProvider rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = 2 * rng.nextDouble() - 1;
        return a;
    }

    public static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    public static MultiLayerNetwork singleLayer(int cIn, int cOut, int kh, int kw, int s, DataType dt, Activation act) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(dt).updater(new NoOp())
                .list()
                .layer(new PeriodicConvolution.Builder().kernelSize(kh, kw).stride(s, s).nIn(cIn).nOut(cOut)
                        .activation(act).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(6, 6, cIn))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView();
        return net;
    }

    /** Fast layer vs naive loops: forward, weight/bias/input gradients, several shapes, float and double. */
    @Test
    void matchesNaiveLoops() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        int[][] cases = { // n, cIn, h, w, cOut, kh, kw, stride
                {1, 1, 3, 3, 1, 1, 1, 1}, {3, 4, 6, 4, 5, 3, 3, 1}, {2, 4, 7, 3, 3, 2, 2, 1},
                {5, 2, 5, 5, 4, 2, 3, 1}, {4, 3, 8, 4, 6, 3, 2, 2}, {2, 4, 60, 4, 16, 3, 3, 1},
                {7, 16, 9, 5, 16, 3, 3, 1}, {3, 4, 9, 6, 2, 3, 3, 3}, {1, 5, 4, 4, 3, 1, 1, 2},
                {2, 4, 5, 2, 3, 3, 3, 1}, {2, 3, 4, 1, 2, 3, 3, 1}};
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tol = dt == DataType.FLOAT ? 1e-5 : 1e-12;
            // float32: the oneDNN path and the BLAS paths; double: the BLAS paths
            for (boolean oneDnn : dt == DataType.FLOAT ? ConvolutionPaths.oneDnnSettings() : java.util.List.of(false))
            for (int[] c : cases) ConvolutionPaths.withOneDnn(oneDnn, () -> {
                int n = c[0], cIn = c[1], h = c[2], w = c[3], cOut = c[4], kh = c[5], kw = c[6], s = c[7];
                String what = dt + " oneDnn " + oneDnn + " " + java.util.Arrays.toString(c);
                NaiveConvolution ref = new NaiveConvolution(n, cIn, h, w, cOut, kh, kw, s, s);
                MultiLayerNetwork net = singleLayer(cIn, cOut, kh, kw, s, dt, Activation.IDENTITY);
                double[] wt = random(rng, cOut * cIn * kh * kw), b = random(rng, cOut);
                double[] x = random(rng, n * cIn * h * w);
                double[] r = random(rng, n * cOut * ref.hOut * ref.wOut);
                // the reference sees the values after rounding to the layer's precision
                INDArray xa = Nd4j.create(x, new long[] {n, cIn, h, w}, 'c').castTo(dt);
                INDArray wa = Nd4j.create(wt, new long[] {cOut, cIn, kh, kw}, 'c').castTo(dt);
                INDArray ra = Nd4j.create(r, new long[] {n, cOut, ref.hOut, ref.wOut}, 'c').castTo(dt);
                x = xa.castTo(DataType.DOUBLE).data().asDouble();
                wt = wa.castTo(DataType.DOUBLE).data().asDouble();
                r = ra.castTo(DataType.DOUBLE).data().asDouble();
                net.getLayer(0).setParam("W", wa);
                net.getLayer(0).setParam("b", Nd4j.create(b, new long[] {1, cOut}, 'c').castTo(dt));
                b = net.getLayer(0).getParam("b").castTo(DataType.DOUBLE).data().asDouble();

                var layer = net.getLayer(0);
                LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
                layer.setInput(xa, mgr);
                INDArray out = layer.activate(true, mgr);
                assertArrayEquals(new long[] {n, cOut, ref.hOut, ref.wOut}, out.shape());
                assertClose(ref.forward(x, wt, b), out, tol, "forward " + what);

                Pair<Gradient, INDArray> g = layer.backpropGradient(ra, mgr);
                double[][] exp = ref.backward(x, wt, r);
                double scale = dt == DataType.FLOAT ? Math.sqrt(n * h * w) : 1; // sums of many float terms
                assertClose(exp[0], g.getFirst().getGradientFor("W"), tol * scale, "dW " + what);
                assertClose(exp[1], g.getFirst().getGradientFor("b"), tol * scale, "db " + what);
                assertClose(exp[2], g.getSecond(), tol * scale, "dx " + what);
            });
        }
    }

    public static void assertClose(double[] expected, INDArray actual, double tol, String what) {
        double[] a = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        assertEquals(expected.length, a.length, what + ": length");
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs(expected[i] - a[i]);
            if (err > tol * Math.max(1, Math.abs(expected[i]))) {
                fail(what + ": entry " + i + " expected " + expected[i] + " got " + a[i] + " (tol " + tol + ")");
            }
        }
    }

    /** DL4J's own finite-difference check, double precision, through pooling and a dense head. */
    @Test
    void gradientCheckDouble() {
        DataType before = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            for (int[] c : new int[][] {{3, 1}, {2, 1}, {1, 1}, {3, 2}, {2, 2}}) {
                int k = c[0], s = c[1];
                MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                        .updater(new NoOp()).list()
                        .layer(new PeriodicConvolution.Builder().kernelSize(k).stride(s, s).nIn(3).nOut(4)
                                .activation(Activation.TANH).build())
                        .layer(new PeriodicConvolution.Builder().kernelSize(k).nIn(4).nOut(3)
                                .activation(Activation.TANH).build())
                        .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
                                .activation(Activation.IDENTITY).build())
                        .setInputType(InputType.convolutional(7, 6, 3)).build();
                MultiLayerNetwork net = new MultiLayerNetwork(conf);
                net.init();
                INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 3, 7, 6).subi(0.5);
                INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
                boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                        .net(net).input(x).labels(y).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                        .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
                assertTrue(ok, "gradient check k=" + k + " stride=" + s);
            }
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }

    /** The layer alone commutes with translations (stride 1) and does not with stride 2: shared harness. */
    @Test
    void layerIsTranslationEquivariantOnlyWithStrideOne() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tol = dt == DataType.FLOAT ? 1e-5 : 1e-10;
            for (int k : new int[] {1, 2, 3}) {
                MultiLayerNetwork net = singleLayer(4, 3, k, k, 1, dt, Activation.TANH);
                latticeq.symmetry.EquivarianceCheck.Result r = latticeq.symmetry.EquivarianceCheck.check(
                        x -> net.feedForwardToLayer(0, x, false).get(1),
                        latticeq.symmetry.LatticeGroups.translations(new latticeq.lattice.Lattice(7, 4)),
                        latticeq.symmetry.BatchAction.field(latticeq.symmetry.FieldType.rawLink()),
                        latticeq.symmetry.BatchAction.field(latticeq.symmetry.FieldType.scalar(3)),
                        latticeq.symmetry.EquivarianceCheck.gaussianInputs(dt, 2, 4, 7, 4), 8, 5L, tol);
                System.out.println("layer k=" + k + " " + dt + ": " + r);
                assertTrue(r.passed(), r.toString());
            }
        }
        MultiLayerNetwork strided = singleLayer(4, 3, 3, 3, 2, DataType.DOUBLE, Activation.TANH);
        latticeq.symmetry.EquivarianceCheck.Result r = latticeq.symmetry.EquivarianceCheck.check(
                x -> strided.output(x, false),
                latticeq.symmetry.LatticeGroups.translations(new latticeq.lattice.Lattice(8, 4)),
                latticeq.symmetry.BatchAction.field(latticeq.symmetry.FieldType.rawLink()),
                latticeq.symmetry.BatchAction.invariant(),
                latticeq.symmetry.EquivarianceCheck.gaussianInputs(DataType.DOUBLE, 2, 4, 8, 4), 8, 5L, 1e-10);
        System.out.println("strided layer, pooled: " + r);
        assertTrue(r.maxRelativeError() > 1e-4, r.toString());
    }

    /** The layer also works as a vertex of a ComputationGraph (built, run, serialized). */
    @Test
    void worksInsideComputationGraph(@TempDir Path dir) throws Exception {
        var conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).updater(new NoOp())
                .graphBuilder().addInputs("in")
                .addLayer("conv", new PeriodicConvolution.Builder().kernelSize(3).nIn(4).nOut(5)
                        .activation(Activation.TANH).build(), "in")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
                        .activation(Activation.IDENTITY).build(), "pool")
                .setOutputs("out").setInputTypes(InputType.convolutional(6, 4, 4)).build();
        var graph = new org.deeplearning4j.nn.graph.ComputationGraph(conf);
        graph.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4, 6, 4);
        graph.fit(new org.nd4j.linalg.dataset.DataSet(x, Nd4j.rand(DataType.FLOAT, 3, 2)));
        File f = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(graph, f, true);
        var back = ModelSerializer.restoreComputationGraph(f, true);
        assertEquals(graph.outputSingle(x), back.outputSingle(x));
        assertArrayEquals(new long[] {2, 2}, graph.outputSingle(Nd4j.rand(DataType.FLOAT, 2, 4, 50, 2)).shape());
    }

    @Test
    void rejectsWrongChannelsAndTinyLattice() {
        MultiLayerNetwork net = singleLayer(4, 2, 3, 3, 1, DataType.FLOAT, Activation.TANH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.output(Nd4j.rand(DataType.FLOAT, 2, 3, 6, 6)));
        assertTrue(e.getMessage().contains("input channels = 3"), e.getMessage());
        assertTrue(e.getMessage().contains("4"), e.getMessage());
        // a 5x5 kernel pads by 2: a 1-site direction would be wrapped twice
        MultiLayerNetwork wide = singleLayer(4, 2, 5, 5, 1, DataType.FLOAT, Activation.TANH);
        e = assertThrows(IllegalArgumentException.class, () -> wide.output(Nd4j.rand(DataType.FLOAT, 2, 4, 6, 1)));
        assertTrue(e.getMessage().contains("lattice = 6x1") && e.getMessage().contains("Nx >= 2"), e.getMessage());
        // a 3x3 kernel on the paper's 50x2 lattice is fine (neighbours coincide, as with PyTorch's circular padding)
        assertEquals(2, net.output(Nd4j.rand(DataType.FLOAT, 2, 4, 50, 2)).size(0));
    }

    @Test
    void serializesAndReloads(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = singleLayer(4, 3, 3, 2, 1, DataType.FLOAT, Activation.TANH);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4, 7, 5);
        File f = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, f, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(f, true);
        assertEquals(net.output(x), back.output(x));
        PeriodicConvolution c = (PeriodicConvolution) back.getLayerWiseConfigurations().getConf(0).getLayer();
        assertEquals(3, c.getKernelH());
        assertEquals(2, c.getKernelW());
        assertTrue(Files.size(f.toPath()) > 0);
    }
}
