package latticeq.nn.layers;

/**
 * Obvious loop implementation of the periodic convolution (forward and gradients), the reference
 * for the fast layer. Arrays are flat c-ordered: x[n][ci][h][w], w[co][ci][kh][kw], out[n][co][ho][wo].
 */
public final class NaiveConvolution {
    final int n, cIn, h, w, cOut, kh, kw, sh, sw, hOut, wOut;

    public NaiveConvolution(int n, int cIn, int h, int w, int cOut, int kh, int kw, int sh, int sw) {
        this.n = n; this.cIn = cIn; this.h = h; this.w = w; this.cOut = cOut; this.kh = kh; this.kw = kw;
        this.sh = sh; this.sw = sw;
        this.hOut = (h + sh - 1) / sh;
        this.wOut = (w + sw - 1) / sw;
    }

    private int src(int s, int ci, int ho, int wo, int a, int b) {
        int t = Math.floorMod(ho * sh + a - (kh - 1) / 2, h);
        int x = Math.floorMod(wo * sw + b - (kw - 1) / 2, w);
        return ((s * cIn + ci) * h + t) * w + x;
    }

    private int wi(int co, int ci, int a, int b) {
        return ((co * cIn + ci) * kh + a) * kw + b;
    }

    private int oi(int s, int co, int ho, int wo) {
        return ((s * cOut + co) * hOut + ho) * wOut + wo;
    }

    public double[] forward(double[] x, double[] wt, double[] bias) {
        double[] out = new double[n * cOut * hOut * wOut];
        for (int s = 0; s < n; s++)
            for (int co = 0; co < cOut; co++)
                for (int ho = 0; ho < hOut; ho++)
                    for (int wo = 0; wo < wOut; wo++) {
                        double acc = bias[co];
                        for (int ci = 0; ci < cIn; ci++)
                            for (int a = 0; a < kh; a++)
                                for (int b = 0; b < kw; b++)
                                    acc += wt[wi(co, ci, a, b)] * x[src(s, ci, ho, wo, a, b)];
                        out[oi(s, co, ho, wo)] = acc;
                    }
        return out;
    }

    /** Gradients of sum(out * r): returns {dW, db, dx}. */
    public double[][] backward(double[] x, double[] wt, double[] r) {
        double[] dw = new double[wt.length], db = new double[cOut], dx = new double[x.length];
        for (int s = 0; s < n; s++)
            for (int co = 0; co < cOut; co++)
                for (int ho = 0; ho < hOut; ho++)
                    for (int wo = 0; wo < wOut; wo++) {
                        double g = r[oi(s, co, ho, wo)];
                        db[co] += g;
                        for (int ci = 0; ci < cIn; ci++)
                            for (int a = 0; a < kh; a++)
                                for (int b = 0; b < kw; b++) {
                                    int xi = src(s, ci, ho, wo, a, b);
                                    dw[wi(co, ci, a, b)] += g * x[xi];
                                    dx[xi] += g * wt[wi(co, ci, a, b)];
                                }
                    }
        return new double[][] {dw, db, dx};
    }
}
