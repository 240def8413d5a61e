package latticeq.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TorchDefaultInitTest {

    /** Every W and b lies in +-1/sqrt(fan_in), fills it (U(-b, b): std b/sqrt 3, max near b), and the seed fixes the bits. */
    @Test
    void weightsAndBiasesAreUniformInTheFanInBound() {
        ArchitectureSpec spec = ArchitectureSpec.fl(List.of(19, 22), List.of(3, 2), List.of(16), 2, 60, 4);
        MultiLayerNetwork net = NetworkBuilder.build(spec, 11);
        long[] fanIns = {4 * 9, 19 * 4, 22 * 60 * 4, 16};
        int checked = 0;
        for (Layer layer : net.getLayers()) {
            if (layer.numParams() == 0) continue;
            double bound = 1 / Math.sqrt(fanIns[checked++]);
            for (String key : List.of("W", "b")) {
                double[] v = layer.paramTable().get(key).dup().data().asDouble();
                double max = 0, sumSq = 0;
                for (double x : v) {
                    max = Math.max(max, Math.abs(x));
                    sumSq += x * x;
                }
                assertTrue(max <= bound, key + " of layer " + layer.getIndex() + ": max " + max + " > bound " + bound);
                if (v.length >= 500) {
                    double std = Math.sqrt(sumSq / v.length);
                    assertEquals(bound / Math.sqrt(3), std, 0.1 * bound, "std of " + key + " in layer " + layer.getIndex());
                    assertTrue(max > 0.95 * bound, key + " of layer " + layer.getIndex() + " does not fill its bound");
                }
                if (key.equals("b")) assertTrue(max > 0, "biases are drawn, not constant");
            }
        }
        assertEquals(4, checked, "conv, conv, dense, output");
        INDArray again = NetworkBuilder.build(spec, 11).params();
        assertEquals(net.params(), again, "same seed, same bits");
        assertNotEquals(net.params(), NetworkBuilder.build(spec, 12).params());
    }
}
