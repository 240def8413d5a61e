package latticeq.phi4;

/** Per-configuration observables of the dual representation (the regression targets). */
public final class Observables {
    private Observables() {}

    /** Particle number density n = (1/V) sum_x k_{x,t}. */
    public static double density(DualConfiguration c) {
        long s = 0;
        int v = c.lattice().volume();
        for (int x = 0; x < v; x++) {
            s += c.k(x, 0);
        }
        return (double) s / v;
    }

    /** |phi|^2 = (1/V) sum_x W(f_x + 2) / W(f_x). */
    public static double phi2(DualConfiguration c, WeightTable table) {
        double s = 0;
        int v = c.lattice().volume();
        for (int x = 0; x < v; x++) {
            int f = c.f(x);
            s += Math.exp(table.logW(f + 2) - table.logW(f));
        }
        return s / v;
    }
}
