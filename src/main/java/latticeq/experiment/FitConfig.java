package latticeq.experiment;

/**
 * How a network is trained (the follow-up code's recipe by default): AdamW with AMSGrad,
 * learning rate 1e-2, weight decay 0, batch 50 below 500 samples else 100, early stopping on
 * the validation loss with patience 25, best epoch restored.
 *
 * @param maxEpochs    upper bound on epochs, >= 1
 * @param patience     epochs without a new best validation loss before stopping, >= 1
 * @param batchSize    minibatch size, or 0 for the paper's rule (50 below 500 samples, else 100)
 * @param learningRate AMSGrad learning rate, > 0
 * @param weightDecay  decoupled (AdamW) weight decay, >= 0
 */
public record FitConfig(int maxEpochs, int patience, int batchSize, double learningRate, double weightDecay) {

    public FitConfig {
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs = " + maxEpochs + " is not allowed: need >= 1");
        if (patience < 1) throw new IllegalArgumentException("patience = " + patience + " is not allowed: need >= 1");
        if (batchSize < 0) throw new IllegalArgumentException("batchSize = " + batchSize + " is not allowed: need >= 0 (0 = paper rule)");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " is not allowed: need a finite value > 0");
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay = " + weightDecay + " is not allowed: need a finite value >= 0");
        }
    }

    /** The paper's recipe with the given epoch bound. */
    public static FitConfig paper(int maxEpochs) {
        return new FitConfig(maxEpochs, 25, 0, 1e-2, 0.0);
    }

    public FitConfig withPatience(int newPatience) {
        return new FitConfig(maxEpochs, newPatience, batchSize, learningRate, weightDecay);
    }

    /** The minibatch size used for a training set of n samples. */
    public int batchFor(int n) {
        if (batchSize > 0) return Math.min(batchSize, n);
        return Math.min(n < 500 ? 50 : 100, n);
    }
}
