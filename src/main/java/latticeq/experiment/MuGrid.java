package latticeq.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which chemical potentials are trained on and which are held out.
 *
 * <p>The paper's list of mu values and its split were not recovered; {@link #defaults()} is
 * <em>our</em> choice: train on 0.90, 0.92, ..., 1.04; interpolation test on the odd hundredths
 * between them (0.91, ..., 1.03); extrapolation test on 0.85..0.88 and 1.05..1.10.
 *
 * @param training      mu values of the training (and same-mu test) sets
 * @param interpolation held-out mu values inside the training range
 * @param extrapolation held-out mu values outside the training range
 */
public record MuGrid(List<Double> training, List<Double> interpolation, List<Double> extrapolation) {

    public MuGrid {
        training = List.copyOf(training);
        interpolation = List.copyOf(interpolation);
        extrapolation = List.copyOf(extrapolation);
        if (training.isEmpty()) {
            throw new IllegalArgumentException("training = " + training + " is empty: need at least one mu");
        }
        TreeSet<Double> seen = new TreeSet<>();
        for (List<Double> part : List.of(training, interpolation, extrapolation)) {
            for (double mu : part) {
                if (!Double.isFinite(mu)) {
                    throw new IllegalArgumentException("mu = " + mu + " is not finite: need a finite chemical potential");
                }
                if (!seen.add(mu)) {
                    throw new IllegalArgumentException("mu = " + mu + " appears twice: training, interpolation and extrapolation must be disjoint");
                }
            }
        }
        double lo = training.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = training.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        for (double mu : interpolation) {
            if (mu < lo || mu > hi) {
                throw new IllegalArgumentException("interpolation mu = " + mu + " is outside the training range [" + lo + ", " + hi + "]");
            }
        }
        for (double mu : extrapolation) {
            if (mu >= lo && mu <= hi) {
                throw new IllegalArgumentException("extrapolation mu = " + mu + " is inside the training range [" + lo + ", " + hi + "]");
            }
        }
    }

    /** Our default grid on 0.85..1.10 (see the class comment). */
    public static MuGrid defaults() {
        List<Double> extrapolation = new ArrayList<>(steps(0.85, 0.88, 0.01));
        extrapolation.addAll(steps(1.05, 1.10, 0.01));
        return new MuGrid(steps(0.90, 1.04, 0.02), steps(0.91, 1.03, 0.02), extrapolation);
    }

    /** from, from + step, ..., to (inclusive), each rounded to 1e-9 so 0.1-type sums compare equal. */
    public static List<Double> steps(double from, double to, double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step = " + step + " is not allowed: need > 0");
        }
        if (!(to >= from)) {
            throw new IllegalArgumentException("to = " + to + " is below from = " + from + ": need to >= from");
        }
        List<Double> out = new ArrayList<>();
        long count = Math.round(Math.floor((to - from) / step + 1e-9)) + 1;
        for (long i = 0; i < count; i++) {
            out.add(Math.round((from + i * step) * 1e9) / 1e9);
        }
        return out;
    }

    /** Interpolation then extrapolation values. */
    public List<Double> heldOut() {
        List<Double> out = new ArrayList<>(interpolation);
        out.addAll(extrapolation);
        return out;
    }

    /** Every mu of the grid, ascending. */
    public List<Double> all() {
        TreeSet<Double> all = new TreeSet<>(training);
        all.addAll(interpolation);
        all.addAll(extrapolation);
        return List.copyOf(all);
    }

    /** What a mu value of the grid is for. */
    public enum Role {
        TRAIN, INTERPOLATION, EXTRAPOLATION;

        /** "train", "interpolation" or "extrapolation", as the paper's text and the claims name them. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The role of a mu value of the grid; a value off the grid is an error. */
    public Role role(double mu) {
        if (training.contains(mu)) return Role.TRAIN;
        if (interpolation.contains(mu)) return Role.INTERPOLATION;
        if (extrapolation.contains(mu)) return Role.EXTRAPOLATION;
        throw new IllegalArgumentException("mu = " + mu + " is not on the grid " + all());
    }
}
