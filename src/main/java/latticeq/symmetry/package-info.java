/**
 * Lattice symmetries, their actions on fields, kernels and targets, and the projections of
 * arXiv:2303.13458.
 *
 * <h2>Groups</h2>
 * {@link latticeq.symmetry.D4} (8 matrices on (t, x)), {@link latticeq.symmetry.PointElement}
 * (D4 element + optional charge conjugation C), {@link latticeq.symmetry.PointGroup} (C4, D4, D2,
 * {1, R_x, C R_t, C R_t R_x}, generatedBy), {@link latticeq.symmetry.LatticeSymmetry}
 * (p -> M p + a on one periodic lattice), {@link latticeq.symmetry.LatticeGroup} and the factories
 * in {@link latticeq.symmetry.LatticeGroups}: elements(), compose, inverse, identity,
 * sample(UniformRandomProvider).
 *
 * <h2>Actions</h2>
 * A {@link latticeq.symmetry.FieldType} lists channel blocks with their
 * {@link latticeq.symmetry.ChannelRepresentation} (TRIVIAL, CHARGE_ODD, RAW_LINK = (k_t, k_x,
 * l_t, l_x), LIFTED_LINK = 8 site-centred link channels, regular(group)).
 * {@code FieldAction.of(type, g).apply(...)} transforms int/float/double arrays in [C][N_t][N_x]
 * order (single fields, or batches with applyBatch) and NCHW INDArray batches;
 * {@link latticeq.symmetry.LinkLift} maps raw to lifted link channels equivariantly;
 * {@link latticeq.symmetry.TargetAction} transforms targets ((n, |phi|^2): n odd under R_t and C).
 *
 * <h2>Projections</h2>
 * Conv kernels K[cOut][cIn][kh][kw] with out(p) = sum_q K[q] x(p + q - floor((k-1)/2)):
 * {@code Projections.groupAverage(group, shape, in, out)} (Pi_G), {@link latticeq.symmetry.SupportMask}
 * (Pi_E: full, plus, topRows (2x3), lShape, fromPattern), {@code Projections.intersection(Pi_G, mask)}
 * (exact Pi_{E cap H_G}), {@code Projections.commutatorNorm} (Frobenius) and
 * {@code commutatorSpectralNorm}, {@code distanceToSubspace}, {@link latticeq.symmetry.LayerDistance};
 * dense maps: {@link latticeq.symmetry.DenseGroupAverage}. All are
 * {@link latticeq.symmetry.KernelProjection}s.
 *
 * <h2>Checking</h2>
 * {@link latticeq.symmetry.EquivarianceCheck} compares f(g x) with g f(x) for random inputs and
 * elements, with {@link latticeq.symmetry.BatchAction}s for inputs and outputs.
 */
package latticeq.symmetry;
