/** Seeded data augmentation over lattice symmetry groups: random elements per sample, or whole orbits. */
package latticeq.augment;
