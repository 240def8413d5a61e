package latticeq.nn;

/** Output head: regression (identity + MSE) or classification (softmax + cross-entropy). */
public enum Head {
    REGRESSION,
    CLASSIFICATION
}
