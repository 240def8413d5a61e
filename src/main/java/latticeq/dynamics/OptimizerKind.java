package latticeq.dynamics;

/**
 * SGD: A <- A - lr P g, the discretised gradient flow the theory is about. ADAM: Adam with the
 * projected gradient P g fed to its moments (bias-corrected, no weight decay); in EQUIVARIANT mode
 * the parameters are re-projected onto E cap H_G after each step.
 */
public enum OptimizerKind {
    SGD,
    ADAM
}
