package latticeq.symmetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one equivariance harness: for a map f on INDArray batches (a layer, a model's output),
 * an input action and an output action (or {@link BatchAction#invariant()}), compares f(g x)
 * with g f(x) on seeded random inputs and random group elements and reports the largest
 * relative error ||f(g x) - g f(x)||_F / ||g f(x)||_F (per trial, over the whole batch).
 */
public final class EquivarianceCheck {
    private EquivarianceCheck() {}

    /** Draws one random input batch. */
    @FunctionalInterface
    public interface InputSampler {
        INDArray sample(UniformRandomProvider rng);
    }

    /**
     * Outcome: the worst relative and absolute errors over all trials, the element and trial
     * where the relative error was largest, and pass/fail against {@code tolerance}.
     */
    public record Result(double maxRelativeError, double maxAbsoluteError, double tolerance, int trials, LatticeSymmetry worstElement) {
        public boolean passed() {
            return maxRelativeError <= tolerance;
        }

        @Override
        public String toString() {
            return String.format("%s: max relative error %.3e (tolerance %.1e, %d trials, worst element %s, max abs %.3e)",
                    passed() ? "PASS" : "FAIL", maxRelativeError, tolerance, trials, worstElement, maxAbsoluteError);
        }
    }

    /** {@code trials} random (input, element) pairs from {@code seed}. */
    public static Result check(Function<INDArray, INDArray> f, LatticeGroup group, BatchAction in, BatchAction out,
                               InputSampler inputs, int trials, long seed, double tolerance) {
        if (trials < 1) throw new IllegalArgumentException("trials = " + trials + ": need >= 1");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<INDArray> xs = new ArrayList<>();
        List<LatticeSymmetry> gs = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            xs.add(inputs.sample(rng));
            gs.add(group.sample(rng));
        }
        return run(f, xs, gs, in, out, tolerance);
    }

    /** Every element of {@code group}, each on a fresh random input. */
    public static Result checkAllElements(Function<INDArray, INDArray> f, LatticeGroup group, BatchAction in, BatchAction out,
                                          InputSampler inputs, long seed, double tolerance) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<INDArray> xs = new ArrayList<>();
        for (int t = 0; t < group.order(); t++) xs.add(inputs.sample(rng));
        return run(f, xs, group.elements(), in, out, tolerance);
    }

    /** Given inputs and elements (pairs xs.get(i), elements.get(i)). */
    public static Result run(Function<INDArray, INDArray> f, List<INDArray> xs, List<LatticeSymmetry> elements,
                             BatchAction in, BatchAction out, double tolerance) {
        if (f == null || in == null || out == null) throw new IllegalArgumentException("f, in and out must not be null");
        if (xs.size() != elements.size() || xs.isEmpty()) {
            throw new IllegalArgumentException("need as many inputs as elements and at least one: got " + xs.size() + " and " + elements.size());
        }
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance = " + tolerance + ": need >= 0");
        double worstRel = 0, worstAbs = 0;
        LatticeSymmetry worst = elements.get(0);
        for (int t = 0; t < xs.size(); t++) {
            INDArray x = xs.get(t);
            LatticeSymmetry g = elements.get(t);
            INDArray lhs = f.apply(in.apply(g, x));
            INDArray rhs = out.apply(g, f.apply(x));
            if (!java.util.Arrays.equals(lhs.shape(), rhs.shape())) {
                throw new IllegalArgumentException("f(g x) has shape " + java.util.Arrays.toString(lhs.shape()) + " but g f(x) has "
                        + java.util.Arrays.toString(rhs.shape()) + ": the output action does not fit f's output");
            }
            double[] a = lhs.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double[] b = rhs.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double diff = 0, norm = 0, maxAbs = 0;
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - b[i];
                diff += d * d;
                norm += b[i] * b[i];
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
            double rel = norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
            if (Double.isNaN(rel)) rel = Double.POSITIVE_INFINITY;
            if (rel > worstRel || t == 0) {
                worstRel = Math.max(worstRel, rel);
                worst = g;
            }
            worstAbs = Math.max(worstAbs, maxAbs);
        }
        return new Result(worstRel, worstAbs, tolerance, xs.size(), worst);
    }

    /** Standard normal entries of the given shape and data type. */
    public static InputSampler gaussianInputs(DataType type, long... shape) {
        long[] s = shape.clone();
        return rng -> {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            long n = 1;
            for (long d : s) n *= d;
            double[] v = new double[(int) n];
            for (int i = 0; i < v.length; i++) v[i] = gauss.sample();
            INDArray a = Nd4j.create(v, s, DataType.DOUBLE);
            return type == DataType.DOUBLE ? a : a.castTo(type);
        };
    }
}
