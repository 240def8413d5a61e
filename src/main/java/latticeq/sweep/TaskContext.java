package latticeq.sweep;

import java.io.IOException;
import latticeq.data.LatticeDataset;
import latticeq.data.DatasetSpec;
import latticeq.progress.ProgressListener;

/** What a {@link SweepTask} gets from the engine where it runs. */
public interface TaskContext {

    /** The dataset of {@code spec}: from this JVM's cache, the disk cache, or generated (same bits in every case). */
    LatticeDataset dataset(DatasetSpec spec) throws IOException;

    /** Progress of this task (epochs); engines that cannot show it pass a listener that ignores it. */
    ProgressListener progress();

    /** Datasets from {@code cache}, progress to {@code progress}. */
    static TaskContext of(DatasetCache cache, ProgressListener progress) {
        return new TaskContext() {
            @Override
            public LatticeDataset dataset(DatasetSpec spec) throws IOException {
                return cache.get(spec);
            }

            @Override
            public ProgressListener progress() {
                return progress;
            }
        };
    }
}
