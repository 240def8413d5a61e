/**
 * Experiments of the optimization-dynamics paper (Nordenfors, Ohlsson, Flinth, arXiv:2303.13458)
 * on small float64 networks of {@code nn}'s EQ family, trained with {@code train}'s trainer.
 *
 * <ul>
 *   <li>{@link latticeq.dynamics.SymmetricArchitecture}: a network together with the representation of a
 *       point group on every layer (input field type, regular hidden representations, invariant outputs);
 *       {@link latticeq.dynamics.NetworkSubspaces}: Pi_G, Pi_E (a {@link latticeq.dynamics.Support} mask on
 *       every conv kernel) and Pi_{E cap H_G} of every parameter array, as {@code train} constraints, with
 *       distances and commutator reports.</li>
 *   <li>{@link latticeq.dynamics.InvarianceExperiment} (claim 2: E cap H_G is invariant under augmented
 *       gradient flow when E is compatible), {@link latticeq.dynamics.StabilityExperiment} (claims 3-4:
 *       shared stationary points, stability under perturbation, Hessian curvature via
 *       {@link latticeq.dynamics.HessianSpectrum}), {@link latticeq.dynamics.ModeComparison} (claim 5:
 *       nominal vs augmented vs equivariant on lattice |phi|^2 and Fashion-MNIST).</li>
 *   <li>{@link latticeq.dynamics.GradientProbe}: the projected gradient a mode would step along at a point,
 *       without training (DL4J's gradient, divided by the batch rows).</li>
 *   <li>The authors' main experiment (usinedepain/eq_aug_dyn): {@link latticeq.dynamics.PoolingConvNet} (their
 *       network: zero-padded 3x3 convolutions, average pooling, tanh, per-channel layer norm, linear readout,
 *       with Pi_G, Pi_L and Pi_E of every array), {@link latticeq.dynamics.PositionBasis} (a support through
 *       a basis, orthonormal or their random normalized one) and
 *       {@link latticeq.dynamics.EquivariantThenAugmented} (equivariant SGD, then augmented SGD from that
 *       point; cross, skew and non-unitary arms; independent runs on {@code sweep.ParallelFits}).</li>
 * </ul>
 * Configurations are immutable validated records; every random choice is seeded; results are records
 * of per-step or per-epoch arrays. The notebooks 11-14 only call these classes and plot their results.
 */
package latticeq.dynamics;
