package latticeq.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import latticeq.data.LatticeDataset;
import latticeq.data.DatasetSpec;
import latticeq.data.Datasets;
import latticeq.progress.ProgressListener;

/**
 * The datasets of the tasks that run in this JVM, by spec: each spec is loaded from (or generated
 * into) the disk cache under {@code root} once per JVM, and kept in memory for every later task, so an
 * executor that runs many trainings on the same pool reads it once. Tasks that ask for the same
 * spec at the same time wait for one load. One instance per root per JVM ({@link #at}).
 */
public final class DatasetCache {
    private static final Map<Path, DatasetCache> BY_ROOT = new ConcurrentHashMap<>();
    private final Path root;
    private final Map<DatasetSpec, CompletableFuture<LatticeDataset>> loaded = new ConcurrentHashMap<>();

    private DatasetCache(Path root) {
        this.root = root;
    }

    /** This JVM's cache over the disk cache at {@code root} (created on first use). */
    public static DatasetCache at(Path root) {
        return BY_ROOT.computeIfAbsent(root.toAbsolutePath().normalize(), DatasetCache::new);
    }

    public Path root() {
        return root;
    }

    /** The dataset of {@code spec}, loaded or generated once per JVM. */
    public LatticeDataset get(DatasetSpec spec) throws IOException {
        CompletableFuture<LatticeDataset> mine = new CompletableFuture<>();
        CompletableFuture<LatticeDataset> f = loaded.putIfAbsent(spec, mine);
        if (f == null) {
            f = mine;
            try {
                mine.complete(Datasets.loadOrGenerate(root, spec, ProgressListener.none()));
            } catch (IOException | RuntimeException | Error e) {
                loaded.remove(spec, mine);   // a later task tries again
                mine.completeExceptionally(e);
            }
        }
        return ParallelFits.get(f);
    }
}
