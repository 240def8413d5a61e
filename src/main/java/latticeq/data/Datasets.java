package latticeq.data;

import java.io.IOException;
import java.nio.file.Path;
import latticeq.io.DiskCache;
import latticeq.progress.ProgressListener;

/**
 * A cache of generated datasets keyed by their spec (seed included): notebook reruns load from
 * disk instead of sampling again. Entry for a spec: {@code root/<N_t>x<N_x>-<spec.cacheKey()>}.
 */
public final class Datasets {
    private Datasets() {}

    /** Directory that holds (or will hold) the dataset of {@code spec} under {@code root}. */
    public static Path cacheDirectory(Path root, DatasetSpec spec) {
        return root.resolve(spec.nt() + "x" + spec.nx() + "-" + spec.cacheKey());
    }

    /**
     * Loads the cached dataset of {@code spec}, or generates, writes (atomically) and returns it.
     * A cache entry that fails validation (corrupted, edited, or written for another spec) is
     * regenerated, and the progress listener is told why first.
     */
    public static LatticeDataset loadOrGenerate(Path root, DatasetSpec spec, ProgressListener progress) throws IOException {
        Path dir = cacheDirectory(root, spec);
        return DiskCache.loadOrCompute(dir, entry -> {
            LatticeDataset cached = DatasetIO.read(entry);
            if (!cached.spec().equals(spec)) throw new NpyFormatException("it holds another spec");
            progress.update(1, 1, "loaded " + entry.getFileName());
            progress.finish();
            return cached;
        }, () -> DatasetGenerator.generate(spec, progress), DatasetIO::write,
                // never silently: the user sees why the cache is not used before the (long) generation starts
                why -> progress.update(0, 1, "cache entry " + dir.getFileName() + " is not usable (" + why + "): generating it again"));
    }
}
