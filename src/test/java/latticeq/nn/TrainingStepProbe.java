package latticeq.nn;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Milliseconds per training step of the benchmark network ({@link TrainingBenchmark}), for profilers:
 * a fixed number of warm-up steps, then "MEASURE" on stderr (so that DNNL_VERBOSE lines after it
 * belong to the measured steps), then the measured steps. Used by environment/profile-training.sh.
 *
 * <p>Usage: TrainingStepProbe [warm-up steps] [measured steps]
 */
public final class TrainingStepProbe {
    private TrainingStepProbe() {}

    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        Nd4jThreads.singleThreadedOps();
        MultiLayerNetwork net = TrainingBenchmark.latticeq(List.of(16, 16), 16);
        List<DataSet> data = TrainingBenchmark.batches(50, 100, 60, 4, 1);
        for (int i = 0; i < warm; i++) net.fit(data.get(i % data.size()));
        System.err.println("MEASURE");
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) net.fit(data.get(i % data.size()));
        System.err.printf("%.3f ms per training step (batch 100, %d steps after %d warm-up steps)%n",
                (System.nanoTime() - t0) / 1e6 / steps, steps, warm);
    }
}
