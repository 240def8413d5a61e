package latticeq.dynamics;

import latticeq.train.Optimizer;
import latticeq.train.TrainingMode;

/**
 * One way of training in an experiment: {@code latticeq.train}'s mode and optimizer, the
 * augmentation of AUGMENTED runs, and the step size.
 *
 * @param mode         NOMINAL, AUGMENTED or EQUIVARIANT
 * @param augmentation ORBIT or RANDOM for AUGMENTED, NONE otherwise
 * @param optimizer    SGD (the theory's setting) or ADAMW_AMSGRAD (with weight decay 0 here)
 * @param learningRate > 0
 * @param basisSeed    0: the layers of E are parametrized orthonormally (the theory's unitary case);
 *                     otherwise the seed of a non-orthonormal basis of E ({@link NonOrthonormalBasis})
 */
public record Variant(TrainingMode mode, Augmentation augmentation, Optimizer optimizer, double learningRate, long basisSeed) {

    /** Spread of the random part of a non-orthonormal basis (C = I + spread G / sqrt d). */
    public static final double BASIS_SPREAD = 0.5;

    /** Orthonormally parametrized layers. */
    public Variant(TrainingMode mode, Augmentation augmentation, Optimizer optimizer, double learningRate) {
        this(mode, augmentation, optimizer, learningRate, 0);
    }

    public Variant {
        if (mode == null) throw new IllegalArgumentException("mode = null: need NOMINAL, AUGMENTED or EQUIVARIANT");
        if (augmentation == null) throw new IllegalArgumentException("augmentation = null: need NONE, ORBIT or RANDOM");
        if (optimizer == null) throw new IllegalArgumentException("optimizer = null: need SGD or ADAMW_AMSGRAD");
        if ((mode == TrainingMode.AUGMENTED) == (augmentation == Augmentation.NONE)) {
            throw new IllegalArgumentException("augmentation = " + augmentation + " with mode = " + mode
                    + ": AUGMENTED needs ORBIT or RANDOM, the other modes need NONE");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + ": need a finite value > 0");
        }
    }

    /** SGD in {@code mode}; AUGMENTED with the orbit average. */
    public static Variant sgd(TrainingMode mode, double learningRate) {
        return new Variant(mode, mode == TrainingMode.AUGMENTED ? Augmentation.ORBIT : Augmentation.NONE, Optimizer.SGD, learningRate);
    }

    /** AMSGrad in {@code mode}; AUGMENTED with one random element per sample. */
    public static Variant adam(TrainingMode mode, double learningRate) {
        return new Variant(mode, mode == TrainingMode.AUGMENTED ? Augmentation.RANDOM : Augmentation.NONE, Optimizer.ADAMW_AMSGRAD, learningRate);
    }

    public Variant withLearningRate(double rate) {
        return new Variant(mode, augmentation, optimizer, rate, basisSeed);
    }

    /** The same training with the kernels of E parametrized through a seeded non-orthonormal basis. */
    public Variant withRandomBasis(long seed) {
        if (seed == 0) throw new IllegalArgumentException("seed = 0 is reserved for the orthonormal basis: need another seed");
        return new Variant(mode, augmentation, optimizer, learningRate, seed);
    }

    /** A short label such as "AUGMENTED/orbit/SGD" or "EQUIVARIANT/Adam". */
    public String label() {
        String a = augmentation == Augmentation.NONE ? "" : "/" + augmentation.name().toLowerCase();
        return mode + a + "/" + (optimizer == Optimizer.SGD ? "SGD" : "Adam") + (basisSeed == 0 ? "" : "/random basis");
    }
}
