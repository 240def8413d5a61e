package latticeq.dynamics;

/**
 * The three training modes of arXiv:2303.13458.
 * NOMINAL: steps along Pi_E grad R. AUGMENTED: steps along Pi_E grad R_aug (inputs transformed by
 * group elements, see {@link Augmentation}). EQUIVARIANT: steps along Pi_{E cap H_G} grad R.
 */
public enum Mode {
    NOMINAL,
    AUGMENTED,
    EQUIVARIANT
}
