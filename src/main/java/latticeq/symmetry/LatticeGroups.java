package latticeq.symmetry;

import latticeq.lattice.Lattice;

/** The named symmetry groups of a periodic lattice. */
public final class LatticeGroups {
    private LatticeGroups() {}

    /** All N_t N_x translations. */
    public static LatticeGroup translations(Lattice lattice) {
        return new LatticeGroup("T", lattice, PointGroup.trivial(), true);
    }

    /** C4 rotations about the origin; throws for a non-square lattice. */
    public static LatticeGroup c4(Lattice lattice) {
        return new LatticeGroup("C4", lattice, PointGroup.c4(), false);
    }

    /** D4 about the origin; throws for a non-square lattice. */
    public static LatticeGroup d4(Lattice lattice) {
        return new LatticeGroup("D4", lattice, PointGroup.d4(), false);
    }

    /** D2 = {1, R_t, R_x, R_t R_x}, any lattice. */
    public static LatticeGroup d2(Lattice lattice) {
        return new LatticeGroup("D2", lattice, PointGroup.d2(), false);
    }

    /** {1, R_x, C R_t, C R_t R_x}: the point symmetries of the ensemble at mu != 0, any lattice. */
    public static LatticeGroup chemicalPotentialSymmetry(Lattice lattice) {
        return new LatticeGroup("{1,R_x,C R_t,C R_t R_x}", lattice, PointGroup.chemicalPotentialSymmetry(), false);
    }

    /**
     * A point group acting about the lattice centre (rotations and flips of images, as
     * np.rot90 / np.flip do), without translations; e.g. C4 on Fashion-MNIST.
     */
    public static LatticeGroup centred(Lattice lattice, PointGroup pointGroup) {
        return new LatticeGroup(pointGroup.name() + " (centred)", lattice, pointGroup, false, true);
    }

    /**
     * The point group, acting about the origin without translations, on {@code lattice}: C4 gives
     * {@link #c4}, D4 {@link #d4}, D2 {@link #d2}, any other group itself (never a fallback to D4).
     */
    public static LatticeGroup of(Lattice lattice, PointGroup pointGroup) {
        return of(lattice, pointGroup, false);
    }

    /** The named point group ({@link PointGroup#named}: an unknown name is an error) about the origin on {@code lattice}. */
    public static LatticeGroup of(Lattice lattice, String pointGroupName) {
        return of(lattice, PointGroup.named(pointGroupName));
    }

    /** Any point group on {@code lattice}, with or without translations. */
    public static LatticeGroup of(Lattice lattice, PointGroup pointGroup, boolean translations) {
        return new LatticeGroup(null, lattice, pointGroup, translations);
    }
}
