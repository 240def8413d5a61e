package latticeq.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's own thread pools (OpenMP in libnd4j, OpenBLAS) against the parallelism of
 * {@link PeriodicConvolutionLayer}. On a small, shared machine, two OpenMP threads per op stall
 * whenever one of them is descheduled, and every small op of a DL4J step pays it, while the
 * periodic layer's own work is parallel already (oneDNN's OpenMP threads in float32, Java threads
 * over the batch on the BLAS paths). Measured on the project's 2-core machine under load
 * (docs/benchmarks-history.md): training 7x faster with single-threaded ND4J ops. This only limits ND4J's
 * ops: oneDNN still uses OMP_NUM_THREADS threads (default one per core), so do not set that
 * variable to 1. This is a process-wide setting, so the library never calls it by itself.
 */
public final class Nd4jThreads {
    private Nd4jThreads() {}

    /** Makes ND4J ops and BLAS calls single-threaded (equivalent to OMP_NUM_THREADS=1 for ND4J). */
    public static void singleThreadedOps() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }

    /**
     * OpenMP threads of the calling thread's parallel regions (omp_set_num_threads: a per-thread
     * setting, shared by libnd4j and oneDNN, which load the same OpenMP runtime). Independent
     * trainings on their own Java threads each set their share of the cores, so that k trainings
     * never start k teams of one thread per core (measured on 2 cores: two trainings with the default
     * team ran at 0.42x the rate of one; with one thread each at 1.18x, docs/benchmarks.md).
     *
     * @param threads >= 1
     */
    public static void openMpThreadsOfThisThread(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + ": need >= 1");
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
