package latticeq.train;

/** Optimizer of a training run. */
public enum Optimizer {
    /** Adam with the AMSGrad correction and decoupled weight decay (PyTorch's AdamW(amsgrad=True)). */
    ADAMW_AMSGRAD,
    /** Plain stochastic gradient descent (no momentum): the setting in which the projection theory is exact. */
    SGD
}
