package latticeq.experiment;

import java.util.List;
import latticeq.train.TrainingConfig;

/**
 * The architecture search of notebook 07 at a budget's scale: random candidates from the search
 * space, ranked by successive halving ({@link SuccessiveHalving}) on the paper's recipe without
 * early stopping inside a trial.
 *
 * @param trials    candidates per family
 * @param runs      runs per candidate in the last rung
 * @param epochs    epochs of the last rung
 * @param trainSize training samples of a trial (at most the pool)
 * @param seed      seed of the candidates (family f uses seed + ordinal) and of the trials' trainings
 * @param eta       successive halving keeps 1/eta of the candidates per rung
 * @param minEpochs epochs of the first rung, at least (at most {@code epochs})
 * @param space     the conv stacks drawn from
 */
public record SearchSettings(int trials, int runs, int epochs, int trainSize, long seed, int eta, int minEpochs, SearchSpace space) {

    /** Trial trainings use seed + TRIAL_SEED_OFFSET + run, apart from the candidates' seeds. */
    private static final long TRIAL_SEED_OFFSET = 1000;

    public SearchSettings {
        if (trials < 1) throw new IllegalArgumentException("trials = " + trials + " is not allowed: need >= 1");
        if (runs < 1) throw new IllegalArgumentException("runs = " + runs + " is not allowed: need >= 1");
        if (epochs < 1) throw new IllegalArgumentException("epochs = " + epochs + " is not allowed: need >= 1");
        if (trainSize < 1) throw new IllegalArgumentException("trainSize = " + trainSize + " is not allowed: need >= 1");
        if (eta < 2) throw new IllegalArgumentException("eta = " + eta + " is not allowed: need >= 2");
        if (minEpochs < 1) throw new IllegalArgumentException("minEpochs = " + minEpochs + " is not allowed: need >= 1");
        if (space == null) throw new IllegalArgumentException("space = null: need a SearchSpace");
    }

    /**
     * SEARCH_TRIALS, SEARCH_RUNS, SEARCH_EPOCHS, SEARCH_TRAIN_SIZE, SEARCH_SEED, SEARCH_ETA and
     * SEARCH_MIN_EPOCHS by budget (each printed by {@code budget.print()}), over {@link SearchSpace#paper()}.
     */
    public static SearchSettings fromBudget(BudgetValues budget) {
        return new SearchSettings(budget.intValue("SEARCH_TRIALS", 2, 50), budget.intValue("SEARCH_RUNS", 1, 3),
                budget.intValue("SEARCH_EPOCHS", 3, 200), budget.intValue("SEARCH_TRAIN_SIZE", 100, 2_000),
                budget.longValue("SEARCH_SEED", 11L, 11L), budget.intValue("SEARCH_ETA", 3, 3),
                budget.intValue("SEARCH_MIN_EPOCHS", 1, 20), SearchSpace.paper());
    }

    /** The rungs of the successive halving. */
    public List<SuccessiveHalving.Rung> rungs() {
        return SuccessiveHalving.rungs(trials, epochs, runs, eta, Math.min(minEpochs, epochs));
    }

    /** The seed of a family's candidates. */
    public long candidateSeed(latticeq.nn.Family family) {
        return seed + family.ordinal();
    }

    /**
     * A trial's training settings: the paper's recipe for n samples, trained exactly {@code trialEpochs}
     * epochs (minimum = bound = patience: no early stopping inside a trial).
     */
    public TrainingConfig trialConfig(PaperProtocol protocol, int n, int trialEpochs, int run) {
        return protocol.withEpochs(trialEpochs, trialEpochs, trialEpochs).config(n, seed + TRIAL_SEED_OFFSET + run);
    }
}
