package latticeq.sweep;

import java.io.IOException;
import java.io.Serializable;

/**
 * One task of a sweep: a serialisable description (architecture, training settings with their
 * seed, dataset specs) that is shipped to wherever the engine runs it and computes its result
 * there. The result must depend on the description only (never on the thread, the executor or the
 * order of the tasks), so every engine gives the same bits.
 *
 * @param <R> the result: serialisable, as it travels back from an executor to the driver
 */
public interface SweepTask<R extends Serializable> extends Serializable {

    /** Runs the task on the executor (or worker thread); datasets come from {@code context}. */
    R run(TaskContext context) throws IOException;

    /** A short label for progress displays (e.g. "EQ N=200 run 1"). */
    String label();
}
