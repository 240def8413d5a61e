package latticeq.nn.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Minimum time of one layer's forward and backward pass (development aid; min over repetitions is robust to load). */
public final class LayerMicroBench {
    public static void main(String[] args) {
        int cIn = 16, cOut = 16, n = 100, h = 60, w = 4;
        MultiLayerNetwork net = PeriodicConvolutionTest.singleLayer(cIn, cOut, 3, 3, 1, DataType.FLOAT, Activation.TANH);
        Layer layer = net.getLayer(0);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, cIn, h, w);
        INDArray eps = Nd4j.rand(DataType.FLOAT, n, cOut, h, w);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        // Thread CPU time of the calling thread: with OMP_NUM_THREADS=1 the gemm runs in this thread,
        // so the figure hardly depends on what else the machine is doing.
        java.lang.management.ThreadMXBean tx = java.lang.management.ManagementFactory.getThreadMXBean();
        double bestF = 1e9, bestB = 1e9;
        for (int r = 0; r < 60; r++) {
            long t0 = tx.getCurrentThreadCpuTime();
            layer.setInput(x, mgr);
            layer.activate(true, mgr);
            long t1 = tx.getCurrentThreadCpuTime();
            layer.backpropGradient(eps, mgr);
            long t2 = tx.getCurrentThreadCpuTime();
            bestF = Math.min(bestF, (t1 - t0) * 1e-6);
            bestB = Math.min(bestB, (t2 - t1) * 1e-6);
        }
        System.out.printf("layer 16->16 k3 batch 100 60x4: forward %.2f ms, backward %.2f ms thread-cpu (best of 60)%n", bestF, bestB);
    }
}
