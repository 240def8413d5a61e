package latticeq.experiment;

import java.io.IOException;
import latticeq.data.Dataset;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Head;
import latticeq.progress.ProgressListener;

/**
 * The study's trained networks, through a {@link ModelStore}: a network trained on the first
 * {@code n} samples of the (shuffled) training pool, validated on the first {@code ceil(n / 10)}
 * (at least 10) samples of the validation pool, as in the follow-up code. The store key holds the
 * architecture, the fit settings, both datasets' cache keys, n and the seed, so notebooks that ask
 * for the same network share one file, and any change trains a new one.
 */
public final class StudyModels {
    private StudyModels() {}

    /** Validation samples used with n training samples: 10 % of n, at least 10, at most what exists. */
    public static int validationSize(int n, int available) {
        return Math.min(available, Math.max(10, (n + 9) / 10));
    }

    /** A regression network on (n, |phi|^2), trained or loaded. */
    public static FitResult regression(ModelStore store, ArchitectureSpec spec, Dataset pool, Dataset validationPool,
                                       int n, FitConfig config, long seed, ProgressListener progress) throws IOException {
        requireHead(spec, Head.REGRESSION);
        requireSize(n, pool);
        Dataset train = pool.subset(n);
        Dataset val = validationPool.subset(validationSize(n, validationPool.size()));
        String key = ModelStore.key("regression", spec, config, pool.spec().cacheKey(), validationPool.spec().cacheKey(), n, seed);
        return store.loadOrFit(spec.family() + "-reg-n" + n + "-s" + seed, key, () -> EarlyStoppingFit.fit(spec, seed,
                Tensors.features(train), Tensors.targets(train), Tensors.features(val), Tensors.targets(val), config, progress));
    }

    /** A classifier of the winding number W into {@code spec.outputs()} classes, trained or loaded. */
    public static FitResult counting(ModelStore store, ArchitectureSpec spec, Dataset pool, Dataset validationPool,
                                     int n, FitConfig config, long seed, ProgressListener progress) throws IOException {
        requireHead(spec, Head.CLASSIFICATION);
        requireSize(n, pool);
        int classes = spec.outputs();
        Dataset train = pool.subset(n);
        Dataset val = validationPool.subset(validationSize(n, validationPool.size()));
        String key = ModelStore.key("counting", spec, config, pool.spec().cacheKey(), validationPool.spec().cacheKey(), n, seed);
        return store.loadOrFit(spec.family() + "-count-n" + n + "-s" + seed, key, () -> EarlyStoppingFit.fit(spec, seed,
                Tensors.features(train), Tensors.windingOneHot(train, classes), Tensors.features(val),
                Tensors.windingOneHot(val, classes), config, progress));
    }

    private static void requireHead(ArchitectureSpec spec, Head head) {
        if (spec.head() != head) {
            throw new IllegalArgumentException("spec.head = " + spec.head() + " is not allowed here: need " + head);
        }
    }

    private static void requireSize(int n, Dataset pool) {
        if (n < 1 || n > pool.size()) {
            throw new IllegalArgumentException("n = " + n + " is not allowed: need 1.." + pool.size() + " (the pool's size)");
        }
    }
}
