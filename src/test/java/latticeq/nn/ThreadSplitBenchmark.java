package latticeq.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.linalg.learning.config.AMSGrad;

/**
 * Total training throughput of independent trainings sharing the machine: {@code jobs} Java threads,
 * each training its own copy of the study's default EQ network (conv 16-16 k3, linear readout,
 * batch 100, 60x4), with {@code ompThreads} OpenMP threads per training thread (set per thread
 * through ND4J's native omp_set_num_threads, which oneDNN's OpenMP runtime shares; 0 leaves the
 * default). Prints the summed samples/s after the warm-up. Not a unit test: a main class for
 * environment/bench-thread-split.sh, which also runs the same figure as separate processes.
 *
 * <p>Usage: ThreadSplitBenchmark jobs ompThreads seconds warmupSeconds
 */
public final class ThreadSplitBenchmark {
    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int omp = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]), warmup = Double.parseDouble(args[3]);
        Nd4jThreads.singleThreadedOps();
        List<DataSet> data = TrainingBenchmark.batches(50, 100, 60, 4, 1);
        AtomicLong counted = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9), end = measureFrom + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            final int seed = j + 1;
            Thread t = new Thread(() -> {
                if (omp > 0) NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp);
                MultiLayerNetwork net = NetworkBuilder.build(ArchitectureSpec.paperDefault(), seed, new AMSGrad(1e-2), 0.0, DataType.FLOAT);
                int i = 0;
                long now;
                while ((now = System.nanoTime()) < end) {
                    DataSet b = data.get(i++ % data.size());
                    net.fit(b);
                    if (now >= measureFrom) counted.addAndGet(b.numExamples());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        System.out.printf("split %d x %d: %.1f samples/s in all%n", jobs, omp, counted.get() / seconds);
    }
}
