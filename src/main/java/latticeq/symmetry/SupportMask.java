package latticeq.symmetry;

import java.util.Arrays;

/**
 * Pi_E for an admissible space E given by a support: entries outside the support are set to
 * zero (an orthogonal, diagonal projection). For convolution kernels the support is a set of
 * kernel positions (the same for every channel pair); {@link #ofEntries} takes any entry set.
 * Immutable.
 */
public final class SupportMask implements KernelProjection {

    private final KernelShape shape;
    private final boolean[] allowed;
    private final String name;

    private SupportMask(KernelShape shape, boolean[] allowed, String name) {
        this.shape = shape;
        this.allowed = allowed;
        this.name = name;
    }

    /** Any entry set (length shape.size()). */
    public static SupportMask ofEntries(KernelShape shape, boolean[] allowed, String name) {
        if (allowed == null || allowed.length != shape.size()) {
            throw new IllegalArgumentException("allowed has length " + (allowed == null ? "null" : allowed.length) + ": need shape.size() = " + shape.size());
        }
        return new SupportMask(shape, allowed.clone(), name);
    }

    /** Kernel positions positions[a][b] (kh x kw), the same for every (cOut, cIn) pair. */
    public static SupportMask ofPositions(KernelShape shape, boolean[][] positions, String name) {
        if (positions == null || positions.length != shape.kh()) {
            throw new IllegalArgumentException("positions has " + (positions == null ? "null" : positions.length) + " rows: need kh = " + shape.kh());
        }
        boolean[] allowed = new boolean[shape.size()];
        for (int a = 0; a < shape.kh(); a++) {
            if (positions[a].length != shape.kw()) {
                throw new IllegalArgumentException("positions row " + a + " has " + positions[a].length + " columns: need kw = " + shape.kw());
            }
            for (int o = 0; o < shape.cOut(); o++) {
                for (int i = 0; i < shape.cIn(); i++) {
                    for (int b = 0; b < shape.kw(); b++) allowed[shape.index(o, i, a, b)] = positions[a][b];
                }
            }
        }
        return new SupportMask(shape, allowed, name);
    }

    /**
     * From a picture, one string per kernel row (time index a), '#' or 'X' allowed and '.' not,
     * e.g. {"###", "###", "..."} is the 2x3 support inside a 3x3 kernel.
     */
    public static SupportMask fromPattern(KernelShape shape, String name, String... rows) {
        if (rows.length != shape.kh()) throw new IllegalArgumentException("pattern has " + rows.length + " rows: need kh = " + shape.kh());
        boolean[][] p = new boolean[shape.kh()][shape.kw()];
        for (int a = 0; a < rows.length; a++) {
            if (rows[a].length() != shape.kw()) {
                throw new IllegalArgumentException("pattern row " + a + " = '" + rows[a] + "' has " + rows[a].length() + " characters: need kw = " + shape.kw());
            }
            for (int b = 0; b < shape.kw(); b++) {
                char c = rows[a].charAt(b);
                if (c != '#' && c != 'X' && c != '.') {
                    throw new IllegalArgumentException("pattern character '" + c + "' at row " + a + ": need '#', 'X' (allowed) or '.' (not)");
                }
                p[a][b] = c != '.';
            }
        }
        return ofPositions(shape, p, name == null ? String.join("/", rows) : name);
    }

    /** Every position: E = all kernels of this shape. */
    public static SupportMask full(KernelShape shape) {
        boolean[] a = new boolean[shape.size()];
        Arrays.fill(a, true);
        return new SupportMask(shape, a, "full " + shape.kh() + "x" + shape.kw());
    }

    /** Plus-shaped (centre row and centre column) inside an odd square kernel: C4/D4-invariant. */
    public static SupportMask plus(KernelShape shape) {
        requireOddSquare(shape, "plus");
        int c = shape.kh() / 2;
        boolean[][] p = new boolean[shape.kh()][shape.kw()];
        for (int a = 0; a < shape.kh(); a++) p[a][c] = p[c][a] = true;
        return ofPositions(shape, p, "plus " + shape.kh() + "x" + shape.kw());
    }

    /** The first kh - 1 rows of a square kernel (2x3 inside 3x3): not invariant under C4, D4 or R_t. */
    public static SupportMask topRows(KernelShape shape) {
        requireOddSquare(shape, "topRows");
        boolean[][] p = new boolean[shape.kh()][shape.kw()];
        for (int a = 0; a < shape.kh() - 1; a++) Arrays.fill(p[a], true);
        return ofPositions(shape, p, (shape.kh() - 1) + "x" + shape.kw() + " in " + shape.kh() + "x" + shape.kw());
    }

    /** L-shaped: the first column and the last row (5 of 9 positions in 3x3): not C4-invariant. */
    public static SupportMask lShape(KernelShape shape) {
        requireOddSquare(shape, "lShape");
        boolean[][] p = new boolean[shape.kh()][shape.kw()];
        for (int a = 0; a < shape.kh(); a++) p[a][0] = true;
        Arrays.fill(p[shape.kh() - 1], true);
        return ofPositions(shape, p, "L " + shape.kh() + "x" + shape.kw());
    }

    private static void requireOddSquare(KernelShape shape, String what) {
        if (shape.kh() != shape.kw() || shape.kh() % 2 == 0 || shape.kh() < 3) {
            throw new IllegalArgumentException(what + " support needs an odd square kernel of size >= 3, got kh = " + shape.kh() + ", kw = " + shape.kw());
        }
    }

    public String name() {
        return name;
    }

    public boolean allowed(int entry) {
        return allowed[entry];
    }

    /** Number of allowed entries = dim E. */
    public int dimension() {
        int n = 0;
        for (boolean b : allowed) if (b) n++;
        return n;
    }

    @Override
    public KernelShape shape() {
        return shape;
    }

    @Override
    public void apply(double[] kernel, double[] out) {
        KernelAction.requireKernel(shape, kernel);
        KernelAction.requireKernel(shape, out);
        for (int e = 0; e < kernel.length; e++) out[e] = allowed[e] ? kernel[e] : 0.0;
    }

    @Override
    public String toString() {
        return "Pi_E[" + name + "]";
    }
}
