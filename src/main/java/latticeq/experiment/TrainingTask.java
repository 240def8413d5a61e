package latticeq.experiment;

import java.io.IOException;
import latticeq.data.LatticeDataset;
import latticeq.data.DatasetSpec;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Head;
import latticeq.progress.ProgressListener;
import latticeq.sweep.SweepTask;
import latticeq.sweep.TaskContext;
import latticeq.train.TrainingConfig;

/**
 * One of the study's trainings as a description that can travel to a Spark executor: the
 * architecture, the training settings with their seed, the specs of the training and validation
 * pools and the training size n. Where it runs, the pools come from the executor's dataset cache
 * by spec and the network trains as {@link StudyModels} describes (the first n pool samples, the
 * first {@link PaperProtocol#validationSize} validation samples); the result is a
 * {@link TrainedModel} (the network's bytes and its history). Its {@link #storeName} and
 * {@link #storeKey} are the {@link ModelStore} entry of the same network trained by
 * {@link StudyModels}, so both share one cache.
 *
 * @param kind           regression of (n, |phi|^2) or counting (winding-number classes)
 * @param spec           the network; its head must match the kind
 * @param pool           the training pool's spec (the first n samples train)
 * @param validationPool the validation pool's spec
 * @param n              training samples, 1..pool size
 * @param config         training settings and seed
 * @param label          label for progress displays
 */
public record TrainingTask(Kind kind, ArchitectureSpec spec, DatasetSpec pool, DatasetSpec validationPool, int n,
                           TrainingConfig config, String label) implements SweepTask<TrainedModel> {

    /** What the network learns. */
    public enum Kind {
        /** (n, |phi|^2) by MSE; head REGRESSION */
        REGRESSION,
        /** the winding number W as one of {@code spec.outputs()} classes; head CLASSIFICATION */
        COUNTING
    }

    public TrainingTask {
        if (kind == null) throw new IllegalArgumentException("kind = null: need REGRESSION or COUNTING");
        if (spec == null || pool == null || validationPool == null || config == null) {
            throw new IllegalArgumentException("spec, pool, validationPool and config must not be null");
        }
        Head head = kind == Kind.REGRESSION ? Head.REGRESSION : Head.CLASSIFICATION;
        if (spec.head() != head) throw new IllegalArgumentException("spec.head = " + spec.head() + " is not allowed for " + kind + ": need " + head);
        if (n < 1 || n > pool.size()) throw new IllegalArgumentException("n = " + n + " is not allowed: need 1.." + pool.size() + " (the pool's size)");
        if (label == null || label.isBlank()) label = spec.family() + " " + kind.name().toLowerCase() + " N=" + n + " seed " + config.seed();
    }

    /** A regression network on the first n samples of {@code pool}. */
    public static TrainingTask regression(ArchitectureSpec spec, DatasetSpec pool, DatasetSpec validationPool, int n, TrainingConfig config) {
        return new TrainingTask(Kind.REGRESSION, spec, pool, validationPool, n, config, null);
    }

    /** A winding-number classifier on the first n samples of {@code pool}. */
    public static TrainingTask counting(ArchitectureSpec spec, DatasetSpec pool, DatasetSpec validationPool, int n, TrainingConfig config) {
        return new TrainingTask(Kind.COUNTING, spec, pool, validationPool, n, config, null);
    }

    public TrainingTask withLabel(String newLabel) {
        return new TrainingTask(kind, spec, pool, validationPool, n, config, newLabel);
    }

    /** The model store entry's name, e.g. "EQ-reg-n200-s7". */
    public String storeName() {
        return spec.family() + (kind == Kind.REGRESSION ? "-reg" : "-count") + "-n" + n + "-s" + config.seed();
    }

    /** The model store key: everything that determines the trained network. */
    public String storeKey() {
        return ModelStore.key(kind == Kind.REGRESSION ? "regression" : "counting", spec, config.toString(), pool.cacheKey(),
                validationPool.cacheKey(), n);
    }

    @Override
    public TrainedModel run(TaskContext context) throws IOException {
        FitResult fit = fit(context.dataset(pool), context.dataset(validationPool), context.progress());
        return TrainedModel.of(fit);
    }

    /** Trains on the given pools (which must be this task's). */
    public FitResult fit(LatticeDataset trainingPool, LatticeDataset validation, ProgressListener progress) {
        if (!trainingPool.spec().equals(pool) || !validation.spec().equals(validationPool)) {
            throw new IllegalArgumentException("datasets " + trainingPool.spec().cacheKey() + ", " + validation.spec().cacheKey()
                    + " are not this task's pools: need " + pool.cacheKey() + ", " + validationPool.cacheKey());
        }
        LatticeDataset train = trainingPool.subset(n);
        LatticeDataset val = validation.subset(PaperProtocol.PAPER.validationSize(n, validation.size()));
        if (kind == Kind.REGRESSION) {
            return StudyModels.train(spec, config, Tensors.features(train), Tensors.targets(train), Tensors.features(val),
                    Tensors.targets(val), progress);
        }
        int classes = spec.outputs();
        return StudyModels.train(spec, config, Tensors.features(train), Tensors.windingOneHot(train, classes), Tensors.features(val),
                Tensors.windingOneHot(val, classes), progress);
    }
}
