package latticeq.experiment;

import java.io.IOException;
import latticeq.data.LatticeDataset;
import latticeq.nn.ArchitectureSpec;
import latticeq.progress.ProgressListener;
import latticeq.train.Trainer;
import latticeq.train.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The study's trained networks, through a {@link ModelStore}: a network trained on the first
 * {@code n} samples of the (shuffled) training pool, validated on the first {@code ceil(n / 10)}
 * (at least 10) samples of the validation pool, as in the follow-up code, by {@link Trainer}
 * (AdamW amsgrad, early stopping, best epoch restored) with the given {@link TrainingConfig}. The store key holds the
 * architecture, the fit settings, both datasets' cache keys, n and the seed, so notebooks that ask
 * for the same network share one file, and any change trains a new one.
 */
public final class StudyModels {
    private StudyModels() {}

    /**
     * The study's training settings for n samples: the paper's recipe ({@link TrainingConfig#paper}:
     * AdamW amsgrad lr 1e-2, batch 50 below 500 samples else 100) with the given epoch bound,
     * patience and seed. Notebooks that share networks must build them with the same call.
     */
    public static TrainingConfig config(int n, int maxEpochs, int patience, long seed) {
        return TrainingConfig.paper(n, maxEpochs, seed).withEpochs(maxEpochs, patience);
    }

    /** Validation samples used with n training samples: 10 % of n, at least 10, at most what exists. */
    public static int validationSize(int n, int available) {
        return Math.min(available, Math.max(10, (n + 9) / 10));
    }

    /** A regression network on (n, |phi|^2), trained or loaded. */
    public static FitResult regression(ModelStore store, ArchitectureSpec spec, LatticeDataset pool, LatticeDataset validationPool,
                                       int n, TrainingConfig config, ProgressListener progress) throws IOException {
        return stored(store, TrainingTask.regression(spec, pool.spec(), validationPool.spec(), n, config), pool, validationPool, progress);
    }

    /** A classifier of the winding number W into {@code spec.outputs()} classes, trained or loaded. */
    public static FitResult counting(ModelStore store, ArchitectureSpec spec, LatticeDataset pool, LatticeDataset validationPool,
                                     int n, TrainingConfig config, ProgressListener progress) throws IOException {
        return stored(store, TrainingTask.counting(spec, pool.spec(), validationPool.spec(), n, config), pool, validationPool, progress);
    }

    private static FitResult stored(ModelStore store, TrainingTask task, LatticeDataset pool, LatticeDataset validationPool,
                                    ProgressListener progress) throws IOException {
        return reportCached(store.loadOrFit(task.storeName(), task.storeKey(), () -> task.fit(pool, validationPool, progress)), progress);
    }

    /** Trains with {@link Trainer} in its nominal mode. */
    public static FitResult train(ArchitectureSpec spec, TrainingConfig config, INDArray x, INDArray y, INDArray xVal,
                                  INDArray yVal, ProgressListener progress) {
        long t0 = System.nanoTime();
        var result = new Trainer(spec, config).progress(progress).fit(new DataSet(x, y), new DataSet(xVal, yVal));
        return FitResult.of(result, (System.nanoTime() - t0) * 1e-9);
    }

    /** A network loaded from the store still closes its progress display (otherwise it would stay at 0 %). */
    private static FitResult reportCached(FitResult result, ProgressListener progress) {
        if (result.cached()) {
            progress.update(1, 1, "loaded from the model cache (" + result.epochs() + " epochs, best " + (result.bestEpoch() + 1) + ")");
            progress.finish();
        }
        return result;
    }
}
