package latticeq.phi4;

/**
 * Couplings of the 2D complex phi^4 theory at chemical potential.
 *
 * <p>Lattice action (phi-field form, measure d Re(phi) d Im(phi) per site):
 * <pre>
 *   S = sum_x [ eta |phi_x|^2 + lambda |phi_x|^4
 *               - sum_nu ( e^{ mu delta_{nu,0}} phi_x^* phi_{x+nu} + e^{-mu delta_{nu,0}} phi_{x+nu}^* phi_x ) ]
 * </pre>
 * with eta = 4 + m^2 in two dimensions. Expanding the hopping exponentials gives the dual form
 * used by the samplers (see {@link WeightTable} and {@link DualConfiguration}).
 *
 * @param eta    mass term, finite; for lambda = 0 the Gaussian integral exists only for
 *               eta > 2 + 2 cosh(mu)
 * @param lambda quartic coupling, lambda >= 0 and finite
 * @param mu     chemical potential, finite
 */
public record Phi4Params(double eta, double lambda, double mu) {

    /** |eta| must stay below this (the weight table's range of validity). */
    public static final double ETA_LIMIT = 1e6;

    public Phi4Params {
        if (!Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta = " + eta + " is not allowed: need a finite value");
        }
        if (!Double.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("lambda = " + lambda + " is not allowed: need a finite value >= 0");
        }
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu = " + mu + " is not allowed: need a finite value");
        }
        if (lambda == 0 && !(eta > gaussianEtaBound(mu))) {
            throw new IllegalArgumentException("eta = " + eta + " is not allowed at lambda = 0 and mu = " + mu
                    + ": the Gaussian theory exists only for eta > 2 + 2 cosh(mu) = " + gaussianEtaBound(mu));
        }
        if (!(eta > -ETA_LIMIT && eta < ETA_LIMIT)) {
            // The weight table integrates exp(-eta r^2 - lambda r^4); beyond this range the
            // integrand's scale leaves double precision and the table would be meaningless. One
            // bound for every lambda, so that sample, generate and exact accept the same couplings.
            throw new IllegalArgumentException("eta = " + eta + " is not allowed: need -1e6 < eta < 1e6");
        }
    }

    /** The paper's couplings (eta = 4.01, lambda = 1) at chemical potential mu. */
    public static Phi4Params paper(double mu) {
        return new Phi4Params(4.01, 1.0, mu);
    }

    /** Smallest eta (exclusive) for which the free (lambda = 0) theory at chemical potential mu exists. */
    public static double gaussianEtaBound(double mu) {
        return 2 + 2 * Math.cosh(mu);
    }

    /** The same couplings at another chemical potential. */
    public Phi4Params withMu(double newMu) {
        return new Phi4Params(eta, lambda, newMu);
    }
}
