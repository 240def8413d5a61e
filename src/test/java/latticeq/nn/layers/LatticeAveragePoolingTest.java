package latticeq.nn.layers;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** LatticeAveragePooling against DL4J's GlobalPoolingLayer(AVG), and DL4J's gradient check through it. */
class LatticeAveragePoolingTest {

    private static MultiLayerNetwork net(Layer pooling, DataType dt) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(dt).updater(new NoOp()).list()
                .layer(new PeriodicConvolution.Builder().kernelSize(3, 3).nIn(3).nOut(5).activation(Activation.TANH).build())
                .layer(pooling)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(7, 4, 3)).build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    @Test
    void matchesDl4jGlobalAveragePooling() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tol = dt == DataType.FLOAT ? 1e-6 : 1e-14;
            INDArray x = Nd4j.create(PeriodicConvolutionTest.random(rng, 6 * 5 * 4 * 3), new long[] {6, 5, 4, 3}, 'c').castTo(dt);
            INDArray eps = Nd4j.create(PeriodicConvolutionTest.random(rng, 6 * 5), new long[] {6, 5}, 'c').castTo(dt);
            // a dense NCHW input, and the same values as an NCHW view of NHWC storage
            for (INDArray in : new INDArray[] {x, x.permute(0, 2, 3, 1).dup('c').permute(0, 3, 1, 2)}) {
                var ours = net(new LatticeAveragePooling.Builder().build(), dt).getLayer(1);
                var theirs = net(new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), dt).getLayer(1);
                LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
                ours.setInput(in, mgr);
                theirs.setInput(in, mgr);
                PeriodicConvolutionTest.assertClose(PeriodicConvolutionTest.doubles(theirs.activate(true, mgr)),
                        ours.activate(true, mgr), tol, "forward " + dt);
                PeriodicConvolutionTest.assertClose(PeriodicConvolutionTest.doubles(theirs.backpropGradient(eps, mgr).getSecond()),
                        ours.backpropGradient(eps, mgr).getSecond(), tol, "backward " + dt);
            }
        }
    }

    @Test
    void gradientCheckDouble() {
        DataType before = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            check();
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }

    private static void check() {
        MultiLayerNetwork n = net(new LatticeAveragePooling.Builder().build(), DataType.DOUBLE);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12L);
        INDArray x = Nd4j.create(PeriodicConvolutionTest.random(rng, 2 * 3 * 7 * 4), new long[] {2, 3, 7, 4}, 'c');
        INDArray y = Nd4j.create(PeriodicConvolutionTest.random(rng, 4), new long[] {2, 2}, 'c');
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(n).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)));
    }

    @Test
    void rejectsInputsThatAreNotLattices() {
        var layer = net(new LatticeAveragePooling.Builder().build(), DataType.FLOAT).getLayer(1);
        layer.setInput(Nd4j.zeros(DataType.FLOAT, 2, 5), LayerWorkspaceMgr.noWorkspaces());
        var e = assertThrows(IllegalArgumentException.class, () -> layer.activate(false, LayerWorkspaceMgr.noWorkspaces()));
        assertTrue(e.getMessage().contains("rank"), e.getMessage());
    }
}
