package latticeq.train;

/**
 * How symmetry enters training (Nordenfors, Ohlsson, Flinth).
 * <ul>
 *   <li>NOMINAL: plain training, optionally restricted to an admissible space E (gradients projected with Pi_E).</li>
 *   <li>AUGMENTED: every batch transformed by random group elements (or the whole orbit), optionally restricted to E.</li>
 *   <li>EQUIVARIANT: parameters projected onto E cap H_G at the start, every gradient projected before the
 *       update; with Adam the parameters are re-projected after every step as well, because Adam's
 *       per-coordinate scaling does not commute with the projection (with SGD the gradient projection alone
 *       keeps the parameters in the subspace, exactly as in the theory).</li>
 * </ul>
 */
public enum TrainingMode {
    NOMINAL,
    AUGMENTED,
    EQUIVARIANT
}
