package latticeq.symmetry;

import java.util.ArrayList;
import java.util.List;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A finite group of symmetries of one periodic lattice: a point group (about the origin), with
 * or without all translations (the semidirect product T x| P). Elements are listed translation
 * major: for each shift (a_t, a_x) in row-major order, every point element in the point group's
 * order. Immutable; {@link LatticeGroups} has the named groups.
 */
public final class LatticeGroup {

    private final String name;
    private final Lattice lattice;
    private final PointGroup pointGroup;
    private final boolean translations;
    private final boolean centred;
    private volatile List<LatticeSymmetry> elements;

    public LatticeGroup(String name, Lattice lattice, PointGroup pointGroup, boolean translations) {
        this(name, lattice, pointGroup, translations, false);
    }

    /**
     * @param centred point elements act about the lattice centre ({@link LatticeSymmetry#aboutCentre})
     *                instead of the origin; irrelevant with translations (the same group then)
     */
    public LatticeGroup(String name, Lattice lattice, PointGroup pointGroup, boolean translations, boolean centred) {
        if (lattice == null) throw new IllegalArgumentException("lattice = null: need a Lattice");
        if (pointGroup == null) throw new IllegalArgumentException("pointGroup = null: need a PointGroup");
        if (pointGroup.requiresSquare() && !lattice.isSquare()) {
            throw new IllegalArgumentException("group " + pointGroup.name() + " contains rotations or diagonal reflections: it needs a square lattice, got "
                    + lattice.nt() + "x" + lattice.nx() + " (nt must equal nx)");
        }
        this.name = name == null ? (translations ? "T x| " : "") + pointGroup.name() : name;
        this.lattice = lattice;
        this.pointGroup = pointGroup;
        this.translations = translations;
        this.centred = centred && !translations;
    }

    public String name() {
        return name;
    }

    public Lattice lattice() {
        return lattice;
    }

    public PointGroup pointGroup() {
        return pointGroup;
    }

    public boolean hasTranslations() {
        return translations;
    }

    /** The same point group together with all translations. */
    public LatticeGroup withTranslations() {
        return translations ? this : new LatticeGroup("T x| " + pointGroup.name(), lattice, pointGroup, true, false);
    }

    public int order() {
        return pointGroup.order() * (translations ? lattice.volume() : 1);
    }

    public List<LatticeSymmetry> elements() {
        List<LatticeSymmetry> e = elements;
        if (e == null) {
            List<LatticeSymmetry> list = new ArrayList<>(order());
            int nt = translations ? lattice.nt() : 1, nx = translations ? lattice.nx() : 1;
            for (int a = 0; a < nt; a++) {
                for (int b = 0; b < nx; b++) {
                    for (PointElement p : pointGroup.elements()) list.add(LatticeSymmetry.translation(lattice, a, b).compose(pointElement(p)));
                }
            }
            elements = e = List.copyOf(list);
        }
        return e;
    }

    /** The group's element with point part {@code p} and no extra translation (about the centre if centred). */
    public LatticeSymmetry pointElement(PointElement p) {
        return centred ? LatticeSymmetry.aboutCentre(lattice, p) : LatticeSymmetry.of(lattice, p);
    }

    public boolean isCentred() {
        return centred;
    }

    public LatticeSymmetry identity() {
        return LatticeSymmetry.identity(lattice);
    }

    public boolean contains(LatticeSymmetry g) {
        return g != null && g.lattice().equals(lattice) && pointGroup.contains(g.point())
                && (translations || g.equals(pointElement(g.point())));
    }

    public LatticeSymmetry compose(LatticeSymmetry a, LatticeSymmetry b) {
        requireMember(a, "a");
        requireMember(b, "b");
        return a.compose(b);
    }

    public LatticeSymmetry inverse(LatticeSymmetry g) {
        requireMember(g, "g");
        return g.inverse();
    }

    /**
     * A uniformly random element: every element is (shift, point element) in exactly one way, so
     * independent uniform choices of both give the uniform distribution on the group.
     */
    public LatticeSymmetry sample(UniformRandomProvider rng) {
        PointElement p = pointGroup.sample(rng);
        if (!translations) return pointElement(p);
        return new LatticeSymmetry(lattice, p, rng.nextInt(lattice.nt()), rng.nextInt(lattice.nx()));
    }

    private void requireMember(LatticeSymmetry g, String what) {
        if (!contains(g)) throw new IllegalArgumentException(what + " = " + g + " is not in group " + name + " on lattice " + lattice);
    }

    @Override
    public String toString() {
        return name + " on " + lattice;
    }
}
