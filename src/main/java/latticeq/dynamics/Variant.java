package latticeq.dynamics;

/**
 * One way of training in an experiment: mode, augmentation, optimizer and step size; the seed of
 * the random group elements is supplied per run.
 */
public record Variant(Mode mode, Augmentation augmentation, OptimizerKind optimizer, double learningRate) {
    public Variant {
        new DescentSettings(mode, augmentation, optimizer, learningRate, 0.9, 0.999, 1e-8, 0); // validates
    }

    public static Variant sgd(Mode mode, double learningRate) {
        return new Variant(mode, DescentSettings.defaultAugmentation(mode), OptimizerKind.SGD, learningRate);
    }

    public DescentSettings settings(long seed) {
        return optimizer == OptimizerKind.SGD
                ? DescentSettings.sgd(mode, augmentation, learningRate, seed)
                : DescentSettings.adam(mode, augmentation, learningRate, seed);
    }

    public String label() {
        return settings(0).label();
    }
}
