package latticeq.phi4;

import java.util.Arrays;
import latticeq.lattice.Lattice;

/**
 * A configuration of the dual (worldline) representation: on every link (x, nu) an integer flux
 * k in Z and a non-negative integer l, both stored in the layout of {@link Lattice#link}
 * (index nu * V + site). As a network input this is (4, N_t, N_x) with channels
 * (k_t, k_x, l_t, l_x): exactly the array {@code k} followed by {@code l}.
 *
 * <p>Weight (up to a constant):
 * <pre>
 *   W[k, l] = prod_links 1 / ((|k| + l)! l!) * prod_x exp(mu k_{x,t}) * prod_x W(f_x),
 *   f_x = sum_nu ( |k_{x,nu}| + |k_{x-nu,nu}| + 2 (l_{x,nu} + l_{x-nu,nu}) ).
 * </pre>
 * Physical configurations have div k = 0 at every site. This class is a plain value: it copies
 * arrays in and out and checks nothing but lengths; use {@link #isDivergenceFree()} and
 * {@link #hasNonNegativeL()} to validate.
 */
public final class DualConfiguration {

    private final Lattice lattice;
    private final int[] k;
    private final int[] l;

    public DualConfiguration(Lattice lattice, int[] k, int[] l) {
        this.lattice = lattice;
        if (k.length != lattice.links()) {
            throw new IllegalArgumentException("k has length " + k.length + ": need " + lattice.links() + " (2 N_t N_x)");
        }
        if (l.length != lattice.links()) {
            throw new IllegalArgumentException("l has length " + l.length + ": need " + lattice.links() + " (2 N_t N_x)");
        }
        this.k = k.clone();
        this.l = l.clone();
    }

    /** The configuration with k = 0 and l = 0 everywhere. */
    public static DualConfiguration zero(Lattice lattice) {
        return new DualConfiguration(lattice, new int[lattice.links()], new int[lattice.links()]);
    }

    /** Reads (k_t, k_x, l_t, l_x) laid out as [4][N_t][N_x] from {@code channels} at {@code offset}. */
    public static DualConfiguration fromChannels(Lattice lattice, int[] channels, int offset) {
        int n = lattice.links();
        return new DualConfiguration(lattice, Arrays.copyOfRange(channels, offset, offset + n),
                Arrays.copyOfRange(channels, offset + n, offset + 2 * n));
    }

    public Lattice lattice() {
        return lattice;
    }

    public int k(int site, int nu) {
        return k[lattice.link(site, nu)];
    }

    public int l(int site, int nu) {
        return l[lattice.link(site, nu)];
    }

    public int[] k() {
        return k.clone();
    }

    public int[] l() {
        return l.clone();
    }

    /** Channels (k_t, k_x, l_t, l_x), each N_t x N_x row-major: 4 V integers. */
    public int[] toChannels() {
        int[] out = new int[2 * k.length];
        System.arraycopy(k, 0, out, 0, k.length);
        System.arraycopy(l, 0, out, k.length, l.length);
        return out;
    }

    /** sum_nu (k_{x,nu} - k_{x-nu,nu}): flux out of the site minus flux in. */
    public int divergence(int site) {
        int d = 0;
        for (int nu = 0; nu < 2; nu++) {
            d += k(site, nu) - k(lattice.backward(site, nu), nu);
        }
        return d;
    }

    public boolean isDivergenceFree() {
        for (int x = 0; x < lattice.volume(); x++) {
            if (divergence(x) != 0) {
                return false;
            }
        }
        return true;
    }

    public boolean hasNonNegativeL() {
        for (int v : l) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    /** f_x = sum over the four links touching x of (|k| + 2 l). */
    public int f(int site) {
        int f = 0;
        for (int nu = 0; nu < 2; nu++) {
            int back = lattice.backward(site, nu);
            f += Math.abs(k(site, nu)) + 2 * l(site, nu) + Math.abs(k(back, nu)) + 2 * l(back, nu);
        }
        return f;
    }

    /** Temporal winding number: sum_x k_{x,t} / N_t (an integer when div k = 0). */
    public int windingNumber() {
        long s = 0;
        for (int x = 0; x < lattice.volume(); x++) {
            s += k(x, 0);
        }
        return (int) (s / lattice.nt());
    }

    /** ln of the full weight W[k, l] (without the constant (2 pi)^V); requires l >= 0. */
    public double logWeight(Phi4Params params, WeightTable table) {
        double lw = 0;
        for (int i = 0; i < k.length; i++) {
            lw -= LogGamma.factorial(Math.abs(k[i]) + l[i]) + LogGamma.factorial(l[i]);
        }
        for (int x = 0; x < lattice.volume(); x++) {
            lw += params.mu() * k(x, 0) + table.logW(f(x));
        }
        return lw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DualConfiguration c && c.lattice.equals(lattice) && Arrays.equals(c.k, k) && Arrays.equals(c.l, l);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * lattice.hashCode() + Arrays.hashCode(k)) + Arrays.hashCode(l);
    }

    @Override
    public String toString() {
        return "DualConfiguration[" + lattice + ", winding " + windingNumber() + "]";
    }
}
