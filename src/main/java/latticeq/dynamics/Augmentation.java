package latticeq.dynamics;

/**
 * How an AUGMENTED step transforms its batch: ORBIT averages the loss over every element of the
 * (small) point group, the exact gradient of R_aug on the batch; RANDOM transforms each sample by
 * one random element, an unbiased but noisy estimate (the usual practice). NONE for the other modes.
 */
public enum Augmentation {
    NONE,
    ORBIT,
    RANDOM
}
