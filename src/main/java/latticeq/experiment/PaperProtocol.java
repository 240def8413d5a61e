package latticeq.experiment;

import java.util.List;
import latticeq.train.Optimizer;
import latticeq.train.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The training protocol of the seed-1 study in one place: the recipe of the group's follow-up code
 * (arXiv:2103.14686; /work/shared/papers/ has what is known of it) for every network of notebooks
 * 03-07 and {@code latticeq train}. {@link #PAPER} is the paper's; {@link #CI} is a scaled copy
 * (one run, four epochs) so that CI exercises the same code in minutes; {@link #fromBudget} picks
 * one by budget and lets {@code LATTICEQ_RUNS}, {@code LATTICEQ_MAX_EPOCHS},
 * {@code LATTICEQ_PATIENCE} and {@code LATTICEQ_TRAIN_SEED} override single values.
 *
 * <p>Epochs are counted from 1 everywhere (the trainer's history, {@link FitResult#bestEpoch},
 * the model store, the CLI's JSON): "best epoch 3" is the third epoch trained.
 *
 * @param optimizer         AdamW with amsgrad in the paper
 * @param learningRate      1e-2 in the paper
 * @param weightDecay       0 in the paper
 * @param smallBatch        batch size below {@code largeBatchFrom} training samples (50)
 * @param largeBatch        batch size from {@code largeBatchFrom} samples on (100)
 * @param largeBatchFrom    training size from which the large batch is used (500)
 * @param minEpochs         early stopping never stops before this epoch (100; lowered to maxEpochs when above it)
 * @param maxEpochs         epoch bound (1000)
 * @param patience          early stopping after this many epochs without a better validation loss (25)
 * @param validationPercent validation samples as a percentage of the training size, rounded up (10)
 * @param minValidation     validation samples at least (10)
 * @param runs              independent trainings per setting (3)
 * @param trainingSizes     training sizes N of the paper's curves (50, 200, 2000, 20000)
 * @param seed              seed of run 0; run r uses seed + r (ours: the paper gives none)
 */
public record PaperProtocol(Optimizer optimizer, double learningRate, double weightDecay, int smallBatch, int largeBatch,
                            int largeBatchFrom, int minEpochs, int maxEpochs, int patience, int validationPercent,
                            int minValidation, int runs, List<Integer> trainingSizes, long seed) {

    /** The paper's protocol. */
    public static final PaperProtocol PAPER = new PaperProtocol(Optimizer.ADAMW_AMSGRAD, 1e-2, 0.0, 50, 100, 500, 100, 1_000, 25,
            10, 10, 3, List.of(50, 200, 2_000, 20_000), 7L);
    /** The CI preset: the paper's recipe with one run of at most four epochs (the training sizes are cut by the CI pool). */
    public static final PaperProtocol CI = PAPER.withRuns(1).withEpochs(PAPER.minEpochs(), 4, PAPER.patience());

    public PaperProtocol {
        if (optimizer == null) throw new IllegalArgumentException("optimizer = null: need ADAMW_AMSGRAD or SGD");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " is not allowed: need a finite value > 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay = " + weightDecay + " is not allowed: need a finite value >= 0");
        }
        if (smallBatch < 1 || largeBatch < 1) {
            throw new IllegalArgumentException("smallBatch = " + smallBatch + ", largeBatch = " + largeBatch + ": need both >= 1");
        }
        if (largeBatchFrom < 1) throw new IllegalArgumentException("largeBatchFrom = " + largeBatchFrom + " is not allowed: need >= 1");
        if (minEpochs < 1) throw new IllegalArgumentException("minEpochs = " + minEpochs + " is not allowed: need >= 1");
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs = " + maxEpochs + " is not allowed: need >= 1");
        if (patience < 1) throw new IllegalArgumentException("patience = " + patience + " is not allowed: need >= 1");
        if (validationPercent < 1 || validationPercent > 100) {
            throw new IllegalArgumentException("validationPercent = " + validationPercent + " is not allowed: need 1..100");
        }
        if (minValidation < 1) throw new IllegalArgumentException("minValidation = " + minValidation + " is not allowed: need >= 1");
        if (runs < 1) throw new IllegalArgumentException("runs = " + runs + " is not allowed: need >= 1");
        trainingSizes = List.copyOf(trainingSizes);
        if (trainingSizes.isEmpty() || trainingSizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("trainingSizes = " + trainingSizes + " is not allowed: need at least one size, each >= 1");
        }
    }

    /**
     * The preset of the budget ({@link #CI} or {@link #PAPER}), with the budget's overrides of
     * RUNS, MAX_EPOCHS, PATIENCE and TRAIN_SEED (each recorded by the budget, so it prints them).
     */
    public static PaperProtocol fromBudget(BudgetValues budget) {
        return PAPER.withRuns(budget.intValue("RUNS", CI.runs(), PAPER.runs()))
                .withEpochs(PAPER.minEpochs(), budget.intValue("MAX_EPOCHS", CI.maxEpochs(), PAPER.maxEpochs()),
                        budget.intValue("PATIENCE", CI.patience(), PAPER.patience()))
                .withSeed(budget.longValue("TRAIN_SEED", CI.seed(), PAPER.seed()));
    }

    /** The training settings for n training samples with an explicit seed. */
    public TrainingConfig config(int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + " is not allowed: need >= 1 training samples");
        return new TrainingConfig(optimizer, learningRate, batchSize(n), weightDecay, maxEpochs, patience, seed, DataType.FLOAT,
                Math.min(minEpochs, maxEpochs));
    }

    /** The training settings of run r (seed + r) on n training samples. */
    public TrainingConfig configForRun(int n, int run) {
        if (run < 0) throw new IllegalArgumentException("run = " + run + " is not allowed: need >= 0");
        return config(n, seed + run);
    }

    /** Batch size for n training samples. */
    public int batchSize(int n) {
        return n < largeBatchFrom ? smallBatch : largeBatch;
    }

    /** {@code validationPercent} of n, rounded up. */
    public int validationShare(int n) {
        return (int) ((n * (long) validationPercent + 99) / 100);
    }

    /** Validation samples used with n training samples: the share of n, at least minValidation, at most what exists. */
    public int validationSize(int n, int available) {
        return Math.min(available, Math.max(minValidation, validationShare(n)));
    }

    /** The paper's training sizes below {@code poolSize}, then the whole pool, ascending. */
    public List<Integer> trainingSizesFor(int poolSize) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int n : trainingSizes) if (n < poolSize) out.add(n);
        out.add(poolSize);
        return List.copyOf(out);
    }

    public PaperProtocol withRuns(int r) {
        return new PaperProtocol(optimizer, learningRate, weightDecay, smallBatch, largeBatch, largeBatchFrom, minEpochs, maxEpochs,
                patience, validationPercent, minValidation, r, trainingSizes, seed);
    }

    /** New epoch settings; minEpochs above maxEpochs is lowered to it in {@link #config}. */
    public PaperProtocol withEpochs(int min, int max, int newPatience) {
        return new PaperProtocol(optimizer, learningRate, weightDecay, smallBatch, largeBatch, largeBatchFrom, min, max,
                newPatience, validationPercent, minValidation, runs, trainingSizes, seed);
    }

    public PaperProtocol withSeed(long s) {
        return new PaperProtocol(optimizer, learningRate, weightDecay, smallBatch, largeBatch, largeBatchFrom, minEpochs, maxEpochs,
                patience, validationPercent, minValidation, runs, trainingSizes, s);
    }
}
