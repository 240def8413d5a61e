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
 * {@code n} samples of the (shuffled) training pool, validated on the first
 * {@link PaperProtocol#validationSize} samples of the validation pool, by {@link Trainer}
 * (early stopping, best epoch restored) with the given {@link TrainingConfig}
 * (the paper's: {@link PaperProtocol#config}). The store key holds the
 * architecture, the fit settings, both datasets' cache keys, n and the seed, so notebooks that ask
 * for the same network share one file, and any change trains a new one.
 */
public final class StudyModels {
    private StudyModels() {}

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
            progress.update(1, 1, "loaded from the model cache (" + result.epochs() + " epochs, best " + result.bestEpoch() + ")");
            progress.finish();
        }
        return result;
    }
}
