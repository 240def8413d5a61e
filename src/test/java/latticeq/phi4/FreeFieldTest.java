package latticeq.phi4;

import static org.junit.jupiter.api.Assertions.*;

import latticeq.lattice.Lattice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the momentum sums against position-space linear algebra on small lattices. */
class FreeFieldTest {

    @ParameterizedTest
    @CsvSource({"4, 3, 5.0, 0.8", "3, 2, 4.5, 0.0", "6, 4, 6.0, 1.2", "2, 2, 4.3, 0.3"})
    void momentumSumsMatchPositionSpaceInverseAndDeterminant(int nt, int nx, double eta, double mu) {
        Lattice lat = new Lattice(nt, nx);
        Phi4Params p = new Phi4Params(eta, 0, mu);
        // <|phi|^2> = Tr M^{-1} / V; <n> = d ln Z / d mu / V = -d ln det M / d mu / V (central difference)
        double trInv = ComplexMatrix.of(lat, eta, mu).traceOfInverse();
        assertEquals(trInv / lat.volume(), FreeField.phi2(lat, p), 1e-12);
        double h = 1e-5;
        double dLogDet = (ComplexMatrix.of(lat, eta, mu + h).logAbsDet() - ComplexMatrix.of(lat, eta, mu - h).logAbsDet()) / (2 * h);
        assertEquals(-dLogDet / lat.volume(), FreeField.density(lat, p), 1e-7);
    }

    /** Dense complex matrix M_{xy} of the free action, with Gaussian elimination (partial pivoting). */
    private record ComplexMatrix(int n, double[] re, double[] im) {
        static ComplexMatrix of(Lattice lat, double eta, double mu) {
            int v = lat.volume();
            ComplexMatrix m = new ComplexMatrix(v, new double[v * v], new double[v * v]);
            for (int x = 0; x < v; x++) {
                m.re[x * v + x] += eta;
                // phi_x^* e^{mu} phi_{x+t} + phi_{x+t}^* e^{-mu} phi_x, and the spatial hops with mu = 0
                m.re[x * v + lat.forward(x, 0)] -= Math.exp(mu);
                m.re[lat.forward(x, 0) * v + x] -= Math.exp(-mu);
                m.re[x * v + lat.forward(x, 1)] -= 1;
                m.re[lat.forward(x, 1) * v + x] -= 1;
            }
            return m;
        }

        /** ln|det M| via LU. */
        double logAbsDet() {
            double[] r = re.clone(), i = im.clone();
            double s = 0;
            for (int c = 0; c < n; c++) {
                int piv = c;
                for (int row = c + 1; row < n; row++) {
                    if (Math.hypot(r[row * n + c], i[row * n + c]) > Math.hypot(r[piv * n + c], i[piv * n + c])) {
                        piv = row;
                    }
                }
                swapRows(r, i, c, piv);
                double pr = r[c * n + c], pi = i[c * n + c];
                s += Math.log(Math.hypot(pr, pi));
                double d = pr * pr + pi * pi;
                for (int row = c + 1; row < n; row++) {
                    double ar = r[row * n + c], ai = i[row * n + c];
                    double fr = (ar * pr + ai * pi) / d, fi = (ai * pr - ar * pi) / d;
                    for (int col = c; col < n; col++) {
                        double br = r[c * n + col], bi = i[c * n + col];
                        r[row * n + col] -= fr * br - fi * bi;
                        i[row * n + col] -= fr * bi + fi * br;
                    }
                }
            }
            return s;
        }

        /** Tr M^{-1} by solving M X = 1 (Gauss-Jordan), real part (the trace is real here). */
        double traceOfInverse() {
            double[] r = re.clone(), i = im.clone();
            double[] br = new double[n * n], bi = new double[n * n];
            for (int d = 0; d < n; d++) {
                br[d * n + d] = 1;
            }
            for (int c = 0; c < n; c++) {
                int piv = c;
                for (int row = c + 1; row < n; row++) {
                    if (Math.hypot(r[row * n + c], i[row * n + c]) > Math.hypot(r[piv * n + c], i[piv * n + c])) {
                        piv = row;
                    }
                }
                swapRows(r, i, c, piv);
                swapRows(br, bi, c, piv);
                double pr = r[c * n + c], pi = i[c * n + c];
                double d = pr * pr + pi * pi;
                for (int row = 0; row < n; row++) {
                    if (row == c) {
                        continue;
                    }
                    double ar = r[row * n + c], ai = i[row * n + c];
                    double fr = (ar * pr + ai * pi) / d, fi = (ai * pr - ar * pi) / d;
                    for (int col = 0; col < n; col++) {
                        double xr = r[c * n + col], xi = i[c * n + col];
                        r[row * n + col] -= fr * xr - fi * xi;
                        i[row * n + col] -= fr * xi + fi * xr;
                        double yr = br[c * n + col], yi = bi[c * n + col];
                        br[row * n + col] -= fr * yr - fi * yi;
                        bi[row * n + col] -= fr * yi + fi * yr;
                    }
                }
            }
            double tr = 0;
            for (int c = 0; c < n; c++) {
                double pr = r[c * n + c], pi = i[c * n + c];
                double d = pr * pr + pi * pi;
                tr += (br[c * n + c] * pr + bi[c * n + c] * pi) / d;
            }
            return tr;
        }

        private void swapRows(double[] a, double[] b, int r1, int r2) {
            if (r1 == r2) {
                return;
            }
            for (int c = 0; c < n; c++) {
                double t = a[r1 * n + c];
                a[r1 * n + c] = a[r2 * n + c];
                a[r2 * n + c] = t;
                t = b[r1 * n + c];
                b[r1 * n + c] = b[r2 * n + c];
                b[r2 * n + c] = t;
            }
        }
    }
}
