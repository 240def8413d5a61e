package latticeq.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import latticeq.nn.Nd4jThreads;

/**
 * Independent trainings (families x sizes x runs) on {@code workers} threads at once, each training
 * with a one-thread OpenMP team ({@link Nd4jThreads#openMpThreadsOfThisThread}). One thread per
 * training is what makes the result independent of the machine's parallelism: oneDNN splits its
 * reductions by team size, so the same seed trained with a team of 2 and of 1 differs in the last
 * bits (measured: validation losses 0.11724987547 against 0.11724987006), while one-thread
 * trainings give the same bits whatever {@code workers} is. On the project's 2-core machine two
 * one-thread trainings at once also train 1.18x as many samples per second as one training with
 * two threads (docs/benchmarks.md, environment/bench-thread-split.sh). Results come back in the
 * order the tasks were given; the first failure cancels what has not started and is rethrown.
 */
public final class ParallelFits {
    /** One training (or anything else) to run on a worker. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws IOException;
    }

    private final int workers;

    /**
     * @param workers trainings at once, 1..cores
     */
    public ParallelFits(int workers) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > cores) {
            throw new IllegalArgumentException("workers = " + workers + " is not allowed: need 1.." + cores + " (the cores)");
        }
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    /** Runs every task, {@code workers} at a time; results in task order. */
    public <T> List<T> run(List<? extends Task<T>> tasks) throws IOException {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(() -> {
                Nd4jThreads.openMpThreadsOfThisThread(1);
                r.run();
            }, "latticeq-fit-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(workers, factory);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Task<T> t : tasks) futures.add(pool.submit(t::run));
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(get(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The future's value, or the task's own exception (IOException, unchecked) rethrown. */
    static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
