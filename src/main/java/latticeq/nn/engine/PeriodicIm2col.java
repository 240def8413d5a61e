package latticeq.nn.engine;

/**
 * Periodic im2col as one gather table: row (n, ho, wo) of the column matrix holds, at column
 * (ci, a, b), input site (ci, ho*sh + a - padH mod H, wo*sw + b - padW mod W) of sample n.
 * The forward pass is a gather with this table, the input gradient the scatter-add with the same
 * table; both run over flat c-ordered NCHW arrays of one chunk of samples.
 */
final class PeriodicIm2col {

    final int cIn, h, w, kh, kw, sh, sw, hOut, wOut, k;
    /** Offset inside one sample's [cIn][h][w] block for each entry of one sample's [hOut*wOut][k] block. */
    final int[] table;

    PeriodicIm2col(int cIn, int h, int w, int kh, int kw, int sh, int sw) {
        this.cIn = cIn; this.h = h; this.w = w; this.kh = kh; this.kw = kw; this.sh = sh; this.sw = sw;
        this.hOut = ConvolutionGeometry.outputSize(h, sh);
        this.wOut = ConvolutionGeometry.outputSize(w, sw);
        this.k = cIn * kh * kw;
        int padH = ConvolutionGeometry.padBefore(kh);
        int padW = ConvolutionGeometry.padBefore(kw);
        table = new int[hOut * wOut * k];
        int j = 0;
        for (int ho = 0; ho < hOut; ho++) {
            for (int wo = 0; wo < wOut; wo++) {
                for (int c = 0; c < cIn; c++) {
                    for (int a = 0; a < kh; a++) {
                        int t = Math.floorMod(ho * sh + a - padH, h);
                        for (int b = 0; b < kw; b++) {
                            int x = Math.floorMod(wo * sw + b - padW, w);
                            table[j++] = (c * h + t) * w + x;
                        }
                    }
                }
            }
        }
    }

    boolean matches(int cIn, int h, int w) {
        return this.cIn == cIn && this.h == h && this.w == w;
    }

    int sampleSize() {
        return cIn * h * w;
    }

    /** Rows of [col | 1]: col[(s*rows + r)*(k+1) + j] = x[(n0+s)*sampleSize + table[r*k + j]], last entry 1. */
    void gather(float[] x, int n0, int count, float[] col) {
        int[] t = table;
        int rows = hOut * wOut, ss = sampleSize();
        for (int s = 0; s < count; s++) {
            int src = (n0 + s) * ss;
            for (int r = 0; r < rows; r++) {
                int dst = (s * rows + r) * (k + 1), tr = r * k;
                for (int j = 0; j < k; j++) col[dst + j] = x[src + t[tr + j]];
                col[dst + k] = 1;
            }
        }
    }

    void gather(double[] x, int n0, int count, double[] col) {
        int[] t = table;
        int rows = hOut * wOut, ss = sampleSize();
        for (int s = 0; s < count; s++) {
            int src = (n0 + s) * ss;
            for (int r = 0; r < rows; r++) {
                int dst = (s * rows + r) * (k + 1), tr = r * k;
                for (int j = 0; j < k; j++) col[dst + j] = x[src + t[tr + j]];
                col[dst + k] = 1;
            }
        }
    }

    /** dx[(n0+s)*sampleSize + table[j]] += dcol[s*table.length + j]. */
    void scatterAdd(float[] dcol, int n0, int count, float[] dx) {
        int[] t = table;
        int per = t.length, ss = sampleSize();
        for (int s = 0; s < count; s++) {
            int dst = (n0 + s) * ss, src = s * per;
            for (int j = 0; j < per; j++) dx[dst + t[j]] += dcol[src + j];
        }
    }

    void scatterAdd(double[] dcol, int n0, int count, double[] dx) {
        int[] t = table;
        int per = t.length, ss = sampleSize();
        for (int s = 0; s < count; s++) {
            int dst = (n0 + s) * ss, src = s * per;
            for (int j = 0; j < per; j++) dx[dst + t[j]] += dcol[src + j];
        }
    }
}
