package latticeq.nn.engine;

/**
 * The stride-1 periodic convolution as kh gemms without an im2col matrix. Arrays are in "CHWN"
 * order, [c][t][x][n] with the batch innermost, so that a shift of the lattice by whole time rows
 * is a shift of the flat index by a multiple of w*n, uniform over the whole batch. The input is
 * copied kw times, copy b shifted by b - padW along x (periodically), each with its time rows
 * periodically extended by kh - 1 rows ("rows" rows in all):
 * <pre>
 *   copies[(b*c + ci)*rowLen + (r*w + x)*n + j] = src[ci][(r - padH) mod h][(x + b - padW) mod w][j]
 *   out[co][p] = sum_a sum_(b,ci) W[co][ci][a][b] * copies[(b*c + ci)*rowLen + a*w*n + p],  p = (t*w + x)*n + j
 * </pre>
 * so that for each kernel row a the copies, offset by a*w*n, are one [kw*c, h*w*n] matrix with
 * leading dimension rowLen, and the convolution is kh gemms accumulating into [cOut, h*w*n]. An
 * optional extra row of ones (row kw*c) carries the bias through the first gemm.
 */
final class ShiftedCopies {

    final int c, h, w, n, kh, kw, padH, padW, rows;
    final boolean onesRow;

    ShiftedCopies(int c, int h, int w, int n, int kh, int kw, int padH, int padW, boolean onesRow) {
        this.c = c; this.h = h; this.w = w; this.n = n; this.kh = kh; this.kw = kw;
        this.padH = padH; this.padW = padW; this.onesRow = onesRow;
        this.rows = h + kh - 1;
    }

    /** Length of one copy row (one channel of one shifted copy). */
    int rowLen() {
        return rows * w * n;
    }

    /** Number of matrix rows: kw*c, plus the ones row. */
    int matrixRows() {
        return kw * c + (onesRow ? 1 : 0);
    }

    int size() {
        return matrixRows() * rowLen();
    }

    /** Columns of the output (sites times batch). */
    int columns() {
        return h * w * n;
    }

    /** Fills dst (float[] or double[] like src, length {@link #size()}) from src in CHWN order. */
    void build(Object src, Object dst) {
        int rowLen = rowLen();
        for (int b = 0; b < kw; b++) {
            for (int ci = 0; ci < c; ci++) {
                int base = (b * c + ci) * rowLen;
                for (int r = 0; r < rows; r++) {
                    int t = Math.floorMod(r - padH, h);
                    for (int x = 0; x < w; x++) {
                        int xs = Math.floorMod(x + b - padW, w);
                        System.arraycopy(src, ((ci * h + t) * w + xs) * n, dst, base + (r * w + x) * n, n);
                    }
                }
            }
        }
        if (onesRow) {
            int from = kw * c * rowLen;
            if (dst instanceof float[] f) java.util.Arrays.fill(f, from, from + rowLen, 1f);
            else java.util.Arrays.fill((double[]) dst, from, from + rowLen, 1.0);
        }
    }
}
