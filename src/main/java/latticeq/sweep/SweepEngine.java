package latticeq.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import latticeq.progress.ProgressGroup;

/**
 * Runs the tasks of a sweep somewhere and brings their results back in task order. Engines differ
 * in where tasks run, never in what they compute: the same tasks give the same results on every
 * engine. Close it to free what it holds (threads are per call; a Spark context lives until close).
 */
public interface SweepEngine extends AutoCloseable {

    /**
     * Runs every task; results in the order of {@code tasks}. The first task that fails makes the run
     * fail (after the engine's own retries) with that task's exception.
     *
     * @param progress one member per task (index = position in {@code tasks})
     */
    <R extends Serializable> List<R> run(List<? extends SweepTask<R>> tasks, ProgressGroup progress) throws IOException;

    /** How many tasks run at once, for displays. */
    int parallelism();

    /** A short description for displays and reports, e.g. "local, 2 at a time" or "spark local[*]". */
    String describe();

    @Override
    void close();
}
