package latticeq.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import latticeq.progress.ProgressGroup;
import latticeq.progress.ProgressListener;

/**
 * A list of independent tasks and their run on an engine: {@code Sweep.of(tasks).run(engine)}.
 * The results come back in task order whatever the engine ran first.
 */
public final class Sweep<R extends Serializable> {
    private final List<? extends SweepTask<R>> tasks;

    private Sweep(List<? extends SweepTask<R>> tasks) {
        if (tasks == null || tasks.isEmpty()) throw new IllegalArgumentException("tasks is empty: need at least one task");
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) == null) throw new IllegalArgumentException("tasks[" + i + "] = null: need a task");
        }
        this.tasks = List.copyOf(tasks);
    }

    public static <R extends Serializable> Sweep<R> of(List<? extends SweepTask<R>> tasks) {
        return new Sweep<>(tasks);
    }

    public int size() {
        return tasks.size();
    }

    public List<? extends SweepTask<R>> tasks() {
        return tasks;
    }

    /** Runs every task on {@code engine}; results in task order. */
    public List<R> run(SweepEngine engine) throws IOException {
        return run(engine, ProgressListener.none());
    }

    /** Runs every task on {@code engine} with one progress display over all of them. */
    public List<R> run(SweepEngine engine, ProgressListener progress) throws IOException {
        ProgressGroup group = new ProgressGroup(progress, tasks.size());
        List<R> out = engine.run(tasks, group);
        if (out.size() != tasks.size()) {
            throw new IllegalStateException(engine.describe() + " returned " + out.size() + " results for " + tasks.size() + " tasks");
        }
        return out;
    }
}
