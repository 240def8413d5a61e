package latticeq.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Extreme eigenvalues and eigenvectors of a symmetric operator known only through products
 * (a Hessian through finite differences of gradients): the Lanczos process with full
 * re-orthogonalisation, then the eigenpairs of the small tridiagonal matrix (cyclic Jacobi).
 * Unlike power iteration on a shifted operator, whose estimate of the lowest eigenvalue converges
 * at the rate of the gap relative to the whole spectrum and, stopped early, always lies above the
 * true minimum, the Ritz values converge to both ends of the spectrum together, and each comes
 * with its residual ||H y - theta y||, which says how far it can be off.
 */
public final class Lanczos {
    private Lanczos() {}

    /** The operator: v -> H v, for vectors of one fixed length. */
    @FunctionalInterface
    public interface Operator {
        double[] apply(double[] v);
    }

    /**
     * Ritz pairs, eigenvalues ascending.
     *
     * @param values    Ritz values (approximate eigenvalues), ascending
     * @param vectors   unit Ritz vectors, {@code vectors[i]} belongs to {@code values[i]}
     * @param residuals ||H y_i - theta_i y_i||, a bound on the distance of theta_i to an eigenvalue
     * @param steps     Lanczos steps taken (fewer than asked when the Krylov space was exhausted)
     */
    public record Result(double[] values, double[][] vectors, double[] residuals, int steps) {
        public double min() {
            return values[0];
        }

        public double max() {
            return values[values.length - 1];
        }

        public double[] lowestVector() {
            return vectors[0].clone();
        }
    }

    /**
     * @param op    the symmetric operator
     * @param start starting vector (not zero); the process stays in the space it spans with op's powers
     * @param steps Lanczos steps, >= 1 (at most the dimension is used)
     */
    public static Result run(Operator op, double[] start, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps = " + steps + ": need >= 1");
        int n = start.length;
        double startNorm = norm(start);
        if (!(startNorm > 0)) throw new IllegalArgumentException("start has norm " + startNorm + ": need a non-zero vector");
        List<double[]> q = new ArrayList<>();
        List<Double> alpha = new ArrayList<>(), beta = new ArrayList<>();
        double[] v = scale(start, 1 / startNorm);
        double lastBeta = 0;
        double scaleOfH = 0;
        for (int j = 0; j < Math.min(steps, n); j++) {
            q.add(v);
            double[] w = op.apply(v);
            if (w.length != n) throw new IllegalArgumentException("operator returned length " + w.length + ": need " + n);
            double a = dot(w, v);
            alpha.add(a);
            // full re-orthogonalisation (twice is enough): keeps the Ritz values free of ghost copies
            for (int pass = 0; pass < 2; pass++) {
                for (double[] qi : q) axpy(-dot(w, qi), qi, w);
            }
            double b = norm(w);
            scaleOfH = Math.max(scaleOfH, Math.abs(a) + b);
            lastBeta = b;
            if (b <= 1e-12 * Math.max(scaleOfH, 1e-300) || j == Math.min(steps, n) - 1) break;
            beta.add(b);
            v = scale(w, 1 / b);
        }
        int k = q.size();
        double[][] t = new double[k][k];
        for (int i = 0; i < k; i++) {
            t[i][i] = alpha.get(i);
            if (i + 1 < k) t[i][i + 1] = t[i + 1][i] = beta.get(i);
        }
        double[][] s = identity(k);
        jacobi(t, s);
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        final double[][] tt = t;
        Arrays.sort(order, (x, y) -> Double.compare(tt[x][x], tt[y][y]));
        double[] values = new double[k], residuals = new double[k];
        double[][] vectors = new double[k][];
        for (int r = 0; r < k; r++) {
            int i = order[r];
            values[r] = t[i][i];
            double[] y = new double[n];
            for (int j = 0; j < k; j++) axpy(s[j][i], q.get(j), y);
            double yn = norm(y);
            vectors[r] = scale(y, 1 / yn);
            residuals[r] = Math.abs(lastBeta * s[k - 1][i]);
        }
        return new Result(values, vectors, residuals, k);
    }

    /** Cyclic Jacobi on the symmetric matrix a (diagonalised in place); eigenvectors accumulate in v's columns. */
    static void jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    total += a[i][j] * a[i][j];
                    if (i != j) off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(total, 1e-300)) return;
            for (int p = 0; p < n - 1; p++) {
                for (int r = p + 1; r < n; r++) {
                    if (a[p][r] == 0) continue;
                    double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
                    double tan = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(tan * tan + 1), sn = tan * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p], akr = a[k][r];
                        a[k][p] = c * akp - sn * akr;
                        a[k][r] = sn * akp + c * akr;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], ark = a[r][k];
                        a[p][k] = c * apk - sn * ark;
                        a[r][k] = sn * apk + c * ark;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p], vkr = v[k][r];
                        v[k][p] = c * vkp - sn * vkr;
                        v[k][r] = sn * vkp + c * vkr;
                    }
                }
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) m[i][i] = 1;
        return m;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] scale(double[] a, double f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] * f;
        return out;
    }

    private static void axpy(double f, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += f * x[i];
    }
}
