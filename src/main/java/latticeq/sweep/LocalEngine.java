package latticeq.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import latticeq.progress.ProgressGroup;
import latticeq.progress.ProgressListener;

/**
 * The default engine: the tasks on {@code workers} threads of this JVM ({@link ParallelFits}: one
 * OpenMP thread per task, so the bits do not depend on {@code workers}); nothing to install.
 * Tasks run on the objects as given (no serialisation) and share this JVM's {@link DatasetCache}.
 */
public final class LocalEngine implements SweepEngine {
    private final ParallelFits pool;
    private final Path datasets;

    /**
     * @param workers  tasks at once, 1..cores
     * @param datasets disk cache of datasets (loaded or generated there by spec)
     */
    public LocalEngine(int workers, Path datasets) {
        if (datasets == null) throw new IllegalArgumentException("datasets = null: need the dataset cache directory");
        this.pool = new ParallelFits(workers);
        this.datasets = datasets;
    }

    @Override
    public <R extends Serializable> List<R> run(List<? extends SweepTask<R>> tasks, ProgressGroup progress) throws IOException {
        DatasetCache cache = DatasetCache.at(datasets);
        List<ParallelFits.Task<R>> jobs = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            SweepTask<R> task = tasks.get(i);
            ProgressListener member = progress.member(i, task.label());
            TaskContext context = TaskContext.of(cache, member);
            jobs.add(() -> {
                R result = task.run(context);
                member.finish();
                return result;
            });
        }
        return pool.run(jobs);
    }

    @Override
    public int parallelism() {
        return pool.workers();
    }

    @Override
    public String describe() {
        return "local, " + pool.workers() + " at a time";
    }

    @Override
    public void close() {
        // threads live for one run only
    }
}
