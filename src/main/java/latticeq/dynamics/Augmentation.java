package latticeq.dynamics;

import latticeq.augment.Augmenter;
import latticeq.train.BatchAugmentation;

/**
 * How an AUGMENTED run transforms its batches: ORBIT averages the loss over every element of the
 * (small) point group, the exact gradient of R_aug on the batch; RANDOM transforms each sample by
 * one random element, an unbiased but noisy estimate (the usual practice). NONE for the other modes.
 */
public enum Augmentation {
    NONE,
    ORBIT,
    RANDOM;

    /** The trainer's batch transformation (null for NONE). */
    public BatchAugmentation of(Augmenter augmenter) {
        return switch (this) {
            case NONE -> null;
            case ORBIT -> BatchAugmentation.orbit(augmenter);
            case RANDOM -> BatchAugmentation.random(augmenter);
        };
    }
}
