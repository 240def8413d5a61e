package latticeq.dynamics;

/**
 * How a {@link ProjectedDescent} steps.
 *
 * @param mode         NOMINAL, AUGMENTED or EQUIVARIANT
 * @param augmentation ORBIT or RANDOM for AUGMENTED, NONE otherwise
 * @param optimizer    SGD or ADAM
 * @param learningRate step size, > 0
 * @param beta1        Adam's first-moment decay in [0, 1)
 * @param beta2        Adam's second-moment decay in [0, 1)
 * @param epsilon      Adam's denominator offset, > 0
 * @param seed         seed of the random group elements (RANDOM augmentation)
 */
public record DescentSettings(Mode mode, Augmentation augmentation, OptimizerKind optimizer, double learningRate,
                              double beta1, double beta2, double epsilon, long seed) {
    public DescentSettings {
        if (mode == null) throw new IllegalArgumentException("mode = null: need NOMINAL, AUGMENTED or EQUIVARIANT");
        if (augmentation == null) throw new IllegalArgumentException("augmentation = null: need NONE, ORBIT or RANDOM");
        if (optimizer == null) throw new IllegalArgumentException("optimizer = null: need SGD or ADAM");
        if ((mode == Mode.AUGMENTED) == (augmentation == Augmentation.NONE)) {
            throw new IllegalArgumentException("augmentation = " + augmentation + " with mode = " + mode
                    + ": AUGMENTED needs ORBIT or RANDOM, the other modes need NONE");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + ": need a finite value > 0");
        }
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 = " + beta1 + ": need 0 <= beta1 < 1");
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 = " + beta2 + ": need 0 <= beta2 < 1");
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon = " + epsilon + ": need > 0");
    }

    /** Plain SGD. */
    public static DescentSettings sgd(Mode mode, Augmentation augmentation, double learningRate, long seed) {
        return new DescentSettings(mode, augmentation, OptimizerKind.SGD, learningRate, 0.9, 0.999, 1e-8, seed);
    }

    /** Adam with the usual moments (0.9, 0.999, 1e-8). */
    public static DescentSettings adam(Mode mode, Augmentation augmentation, double learningRate, long seed) {
        return new DescentSettings(mode, augmentation, OptimizerKind.ADAM, learningRate, 0.9, 0.999, 1e-8, seed);
    }

    /** The natural augmentation of a mode: ORBIT for AUGMENTED, NONE otherwise. */
    public static Augmentation defaultAugmentation(Mode mode) {
        return mode == Mode.AUGMENTED ? Augmentation.ORBIT : Augmentation.NONE;
    }

    /** A short label such as "AUGMENTED/orbit/SGD". */
    public String label() {
        String a = augmentation == Augmentation.NONE ? "" : "/" + augmentation.name().toLowerCase();
        return mode + a + "/" + optimizer;
    }
}
