package latticeq.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import latticeq.progress.ProgressListener;
import latticeq.sweep.Sweep;
import latticeq.sweep.SweepEngine;
import latticeq.sweep.SweepEngines;

/**
 * The study's trainings as a sweep: networks already in the {@link ModelStore} are loaded on the
 * driver, the others run as {@link TrainingTask}s on the engine (in this JVM or on Spark), and
 * what they return is written to the store (atomically) and returned as {@link FitResult}s in task
 * order. Tasks with the same store entry train once. The engine comes from the environment
 * ({@link SweepEngines#fromEnvironment}), so a notebook is the same on every engine.
 */
public final class Trainings implements AutoCloseable {
    private final SweepEngine engine;
    private final ModelStore store;

    public Trainings(SweepEngine engine, ModelStore store) {
        if (engine == null || store == null) throw new IllegalArgumentException("engine and store must not be null");
        this.engine = engine;
        this.store = store;
    }

    /**
     * Trainings on the engine of {@code LATTICEQ_SWEEP} / {@code LATTICEQ_SPARK_MASTER} (default: this
     * JVM, {@code workers} at a time), with datasets by spec under {@code datasets}.
     */
    public static Trainings fromEnvironment(ModelStore store, Path datasets, int workers) {
        return new Trainings(SweepEngines.fromEnvironment(datasets, workers), store);
    }

    public SweepEngine engine() {
        return engine;
    }

    /** The engine, for progress labels: "local, 2 at a time", "spark local[*]". */
    public String describe() {
        return engine.describe();
    }

    /** Every task's network: loaded from the store, or trained on the engine and stored. Results in task order. */
    public List<FitResult> run(List<TrainingTask> tasks, ProgressListener progress) throws IOException {
        if (tasks.isEmpty()) throw new IllegalArgumentException("tasks is empty: need at least one training");
        FitResult[] out = new FitResult[tasks.size()];
        Map<Path, List<Integer>> pending = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            TrainingTask t = tasks.get(i);
            Path dir = store.directory(t.storeName(), t.storeKey());
            out[i] = ModelStore.readIfUsable(dir);
            if (out[i] == null) pending.computeIfAbsent(dir, d -> new ArrayList<>()).add(i);
        }
        int loaded = tasks.size() - pending.values().stream().mapToInt(List::size).sum();
        if (pending.isEmpty()) {
            progress.update(1, 1, "all " + loaded + " loaded from the model cache");
            progress.finish();
            return List.of(out);
        }
        List<TrainingTask> toTrain = new ArrayList<>();
        for (List<Integer> same : pending.values()) toTrain.add(tasks.get(same.get(0)));
        ProgressListener shown = loaded == 0 ? progress
                : (done, total, message) -> progress.update(done, total, message + " (" + loaded + " loaded from the model cache)");
        List<TrainedModel> trained = Sweep.of(toTrain).run(engine, new FinishOnce(shown, progress));
        int k = 0;
        for (var e : pending.entrySet()) {
            FitResult fit = trained.get(k++).fit();
            ModelStore.write(e.getKey(), fit);
            for (int i : e.getValue()) out[i] = fit;
        }
        return List.of(out);
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Forwards updates to one listener and the final finish to the original one. */
    private record FinishOnce(ProgressListener updates, ProgressListener target) implements ProgressListener {
        @Override
        public void update(long done, long total, String message) {
            updates.update(done, total, message);
        }

        @Override
        public void finish() {
            target.finish();
        }
    }
}
