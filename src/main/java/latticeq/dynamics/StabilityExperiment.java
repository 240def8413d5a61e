package latticeq.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import latticeq.progress.ProgressListener;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.TargetAction;
import latticeq.train.TrainingMode;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Claims 3 and 4 of arXiv:2303.13458. Train EQUIVARIANT (SGD, full batch) towards a stationary
 * point A* of E cap H_G; compare there the equivariant gradient Pi_{E cap H_G} grad R with the
 * augmented one Pi_E grad R_aug (equal on E cap H_G when E is compatible, so the stationary points
 * coincide); then add a small perturbation eps in E orthogonal to H_G (||eps|| = perturbation *
 * ||A*||) and continue with AUGMENTED (orbit average), EQUIVARIANT (the trainer projects the start
 * onto E cap H_G, so the perturbation is removed by construction) and NOMINAL, recording
 * ||A - Pi_G A|| per step (all runs with {@code latticeq.train}'s trainer, SGD, full batch, float64). Whether
 * AUGMENTED removes the perturbation (A* stable) or amplifies it is what the run measures. The
 * perturbation is either a random direction of E orthogonal to E cap H_G or, as the third theorem's
 * construction asks, the lowest-curvature direction of the augmented Hessian there (its Lanczos
 * eigenvector): if A* is unstable for augmented training, that is where it shows first.
 */
public final class StabilityExperiment {

    /**
     * @param setup           lattice, data and network widths
     * @param support         the admissible space E
     * @param equivariantSteps SGD steps of the first, equivariant phase, >= 1
     * @param equivariantRate  its learning rate, > 0
     * @param continueSteps   steps after the perturbation, >= 1
     * @param learningRate    SGD learning rate after the perturbation, > 0
     * @param perturbation    ||eps|| / ||A*||, > 0
     * @param every           record every this many steps
     * @param seeds           network initialisation seeds; the perturbation of seed s is drawn from seed s + 1
     * @param curvatureIterations Lanczos steps for the extreme eigenvalues of the augmented Hessian at A*
     *                        (0: not measured)
     * @param direction       RANDOM or LOWEST_CURVATURE (needs curvatureIterations >= 1)
     * @param refineSteps     after the SGD phase, at most this many full-batch L-BFGS steps on E cap H_G with a
     *                        backtracking (Armijo) line search per round, stopping early once the equivariant
     *                        gradient is below 1e-8 of its starting norm (0: no refinement, A* is where SGD ended)
     * @param refineRounds    rounds of (line-search descent, then a Lanczos check of the curvature on E cap H_G and,
     *                        where it is negative, a step along that direction): the point becomes a true minimum of the
     *                        equivariant loss, as the third theorem's construction needs, not a saddle SGD passes slowly
     */
    public record Config(LatticeSetup setup, Support support, int equivariantSteps, double equivariantRate, int continueSteps,
                         double learningRate, double perturbation, int every, List<Long> seeds, int curvatureIterations,
                         Direction direction, int refineSteps, int refineRounds) {

        /** Without refinement: A* is where the SGD phase ends. */
        public Config(LatticeSetup setup, Support support, int equivariantSteps, double equivariantRate, int continueSteps,
                      double learningRate, double perturbation, int every, List<Long> seeds, int curvatureIterations,
                      Direction direction) {
            this(setup, support, equivariantSteps, equivariantRate, continueSteps, learningRate, perturbation, every, seeds,
                    curvatureIterations, direction, 0, 0);
        }

        /** A random perturbation direction (curvature measured if curvatureIterations >= 1). */
        public Config(LatticeSetup setup, Support support, int equivariantSteps, double equivariantRate, int continueSteps,
                      double learningRate, double perturbation, int every, List<Long> seeds, int curvatureIterations) {
            this(setup, support, equivariantSteps, equivariantRate, continueSteps, learningRate, perturbation, every, seeds,
                    curvatureIterations, Direction.RANDOM);
        }

        public Config {
            if (direction == null) throw new IllegalArgumentException("direction = null: need RANDOM or LOWEST_CURVATURE");
            if (direction == Direction.LOWEST_CURVATURE && curvatureIterations < 1) {
                throw new IllegalArgumentException("curvatureIterations = " + curvatureIterations
                        + ": the LOWEST_CURVATURE direction needs >= 1 Lanczos steps");
            }
            if (curvatureIterations < 0) throw new IllegalArgumentException("curvatureIterations = " + curvatureIterations + ": need >= 0");
            if (refineSteps < 0) throw new IllegalArgumentException("refineSteps = " + refineSteps + ": need >= 0");
            if (refineRounds < 0) throw new IllegalArgumentException("refineRounds = " + refineRounds + ": need >= 0");
            if (refineRounds > 0 && (refineSteps < 1 || curvatureIterations < 1)) {
                throw new IllegalArgumentException("refineRounds = " + refineRounds + " needs refineSteps >= 1 and curvatureIterations >= 1 (got "
                        + refineSteps + ", " + curvatureIterations + ")");
            }
            if (setup == null) throw new IllegalArgumentException("setup = null");
            if (support == null) throw new IllegalArgumentException("support = null");
            if (equivariantSteps < 1) throw new IllegalArgumentException("equivariantSteps = " + equivariantSteps + ": need >= 1");
            if (!(equivariantRate > 0)) throw new IllegalArgumentException("equivariantRate = " + equivariantRate + ": need > 0");
            if (continueSteps < 1) throw new IllegalArgumentException("continueSteps = " + continueSteps + ": need >= 1");
            if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate = " + learningRate + ": need > 0");
            if (!(perturbation > 0) || !Double.isFinite(perturbation)) {
                throw new IllegalArgumentException("perturbation = " + perturbation + ": need a finite value > 0");
            }
            if (every < 1) throw new IllegalArgumentException("every = " + every + ": need >= 1");
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) throw new IllegalArgumentException("seeds is empty: need at least one");
        }
    }

    /**
     * One seed.
     *
     * @param seed                  initialisation seed
     * @param equivariantPhase      the EQUIVARIANT run to A* (its distance stays 0)
     * @param gradientStart         ||Pi_{E cap H_G} grad R|| at the start of the first phase
     * @param gradientAtOptimum     ||Pi_{E cap H_G} grad R|| at A*
     * @param augmentedGradient     ||Pi_E grad R_aug|| at A* (orbit average)
     * @param gradientDifference    ||Pi_{E cap H_G} grad R - Pi_E grad R_aug|| at A*
     * @param augmentedGradientOffH ||g - Pi_G g|| for g = Pi_E grad R_aug at A*
     * @param perturbationNorm      ||eps||
     * @param continued             the runs after the perturbation, by training mode (SGD; AUGMENTED with the orbit average)
     * @param growth                ||A - Pi_G A|| at the end over its value right after the perturbation, per training mode
     * @param parallelCurvature     {min, max} eigenvalue of the Hessian of R_aug at A* on E cap H_G (= that of R there;
     *                              NaN when not measured)
     * @param orthogonalCurvature   {min, max} eigenvalue of the Hessian of R_aug at A* on E orthogonal to H_G: a negative
     *                              minimum means A* is unstable for AUGMENTED training (NaN when not measured)
     */
    public record Run(long seed, Trajectory equivariantPhase, double gradientStart, double gradientAtOptimum,
                      double augmentedGradient, double gradientDifference, double augmentedGradientOffH, double perturbationNorm,
                      Map<TrainingMode, Trajectory> continued, Map<TrainingMode, Double> growth, double[] parallelCurvature, double[] orthogonalCurvature) {
        public Run {
            continued = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(continued));
            growth = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(growth));
        }
    }

    public record Result(Config config, List<Run> runs, double wallSeconds) {
        public Result {
            runs = List.copyOf(runs);
        }
    }

    /** Where the perturbation of A* points, inside E and orthogonal to E cap H_G. */
    public enum Direction { RANDOM, LOWEST_CURVATURE }

    /** The runs continued from A* + eps (learning rate replaced by the config's). */
    public static final List<Variant> CONTINUATIONS = List.of(Variant.sgd(TrainingMode.AUGMENTED, 1), Variant.sgd(TrainingMode.EQUIVARIANT, 1),
            Variant.sgd(TrainingMode.NOMINAL, 1));

    private StabilityExperiment() {}

    public static Result run(Config c, ProgressListener progress) {
        ProgressListener p = progress == null ? ProgressListener.none() : progress;
        long t0 = System.nanoTime();
        RegressionData data = c.setup().data(ProgressListener.none());
        INDArray x = data.features(), y = data.labels();
        LatticeGroup lg = c.setup().latticeGroup(data.lattice());
        SymmetricArchitecture arch = c.setup().architecture();
        NetworkSubspaces spaces = arch.subspaces(c.support());
        TargetAction inv = TargetAction.invariant(1);
        GradientProbe probe = new GradientProbe(spaces, lg, inv);
        List<Run> runs = new ArrayList<>();
        int done = 0, total = c.seeds().size() * (1 + CONTINUATIONS.size());
        for (long seed : c.seeds()) {
            MultiLayerNetwork net = arch.build(seed);
            spaces.projectOntoIntersection(net, true);
            double g0 = GradientProbe.norm(probe.gradient(net, x, y, TrainingMode.EQUIVARIANT));
            var phase1 = TrajectoryRecorder.run(spaces, lg, inv, Variant.sgd(TrainingMode.EQUIVARIANT, c.equivariantRate()), seed,
                    net.params().dup(), x, y, c.equivariantSteps(), c.every());
            p.update(++done, total, "seed " + seed + ": equivariant phase");
            INDArray optimum = phase1.finalParameters();
            net.setParams(optimum.dup());
            if (c.refineRounds() > 0) {
                minimise(net, probe, spaces, x, y, c.refineSteps(), c.refineRounds(), c.curvatureIterations(), g0, seed + 5);
                optimum = net.params().dup();
                p.update(done, total, "seed " + seed + ": refined to a minimum");
            }
            Map<String, INDArray> gEq = probe.gradient(net, x, y, TrainingMode.EQUIVARIANT);
            Map<String, INDArray> gAug = probe.gradient(net, x, y, TrainingMode.AUGMENTED);
            double offH = GradientProbe.distance(gAug, spaces.groupAverage(gAug));
            double normA = optimum.norm2Number().doubleValue();
            double[] par = {Double.NaN, Double.NaN}, orth = {Double.NaN, Double.NaN};
            HessianSpectrum.Curvature lowest = null;
            if (c.curvatureIterations() > 0) {
                net.setParams(optimum.dup());
                par = HessianSpectrum.extremes(net, probe, spaces, x, y, false, c.curvatureIterations(), seed + 2);
                lowest = HessianSpectrum.curvature(net, probe, spaces, x, y, true, c.curvatureIterations(), seed + 3);
                orth = lowest.extremes();
                p.update(done, total, "seed " + seed + ": curvature");
            }
            INDArray eps = c.direction() == Direction.LOWEST_CURVATURE ? flatDirection(net, lowest.lowestDirection())
                    : perturbation(net, spaces, seed + 1);
            eps.muli(c.perturbation() * normA / eps.norm2Number().doubleValue());
            double epsNorm = eps.norm2Number().doubleValue();
            Map<TrainingMode, Trajectory> cont = new java.util.EnumMap<>(TrainingMode.class);
            Map<TrainingMode, Double> growth = new java.util.EnumMap<>(TrainingMode.class);
            for (Variant v0 : CONTINUATIONS) {
                Variant v = v0.withLearningRate(c.learningRate());
                Trajectory t = TrajectoryRecorder.run(spaces, lg, inv, v, seed, optimum.add(eps), x, y, c.continueSteps(), c.every()).trajectory();
                cont.put(v.mode(), t);
                double[] a = t.absoluteDistance();
                growth.put(v.mode(), a[a.length - 1] / a[0]);
                p.update(++done, total, "seed " + seed + ": " + v.label());
            }
            runs.add(new Run(seed, phase1.trajectory(), g0, GradientProbe.norm(gEq), GradientProbe.norm(gAug),
                    GradientProbe.distance(gEq, gAug), offH, epsNorm, cont, growth, par, orth));
        }
        p.finish();
        return new Result(c, runs, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Moves the network to a minimum of the equivariant loss on E cap H_G: rounds of full-batch
     * L-BFGS (memory 10) on the projected gradient Pi_{E cap H_G} grad R, with a backtracking line
     * search (Armijo, factor 1e-4), then a Lanczos estimate of the lowest curvature there; a resolved
     * negative curvature (below -1e-6 of the largest) is left along its eigenvector (both signs
     * tried, the step halved until the loss falls), and descent resumes. Stops when no negative
     * curvature is resolved. Every direction is a combination of projected gradients, so the point
     * stays in E cap H_G.
     */
    static void minimise(MultiLayerNetwork net, GradientProbe probe, NetworkSubspaces spaces, INDArray x, INDArray y, int steps, int rounds,
                         int lanczosSteps, double gradientScale, long seed) {
        for (int round = 0; round < rounds; round++) {
            double loss = lbfgs(net, probe, spaces, x, y, steps, gradientScale);
            HessianSpectrum.Curvature par = HessianSpectrum.curvature(net, probe, spaces, x, y, false, lanczosSteps, seed + round);
            if (par.min() >= -1e-6 * Math.max(1, Math.abs(par.max()))) return;
            Map<String, INDArray> base = parameters(net, spaces);
            double s = 0.1 * Math.max(1e-3, GradientProbe.norm(base));
            boolean moved = false;
            while (s > 1e-10 && !moved) {
                for (double sign : new double[] {1, -1}) {
                    move(net, base, par.lowestDirection(), sign * s);
                    if (GradientProbe.loss(net, x, y) < loss) {
                        moved = true;
                        break;
                    }
                }
                if (!moved) s /= 2;
            }
            if (!moved) {
                move(net, base, par.lowestDirection(), 0);
                return;
            }
        }
    }

    /** At most {@code steps} L-BFGS steps on the equivariant loss; returns the final loss. */
    private static double lbfgs(MultiLayerNetwork net, GradientProbe probe, NetworkSubspaces spaces, INDArray x, INDArray y, int steps,
                                double gradientScale) {
        final int memory = 10;
        java.util.ArrayDeque<Map<String, INDArray>> ss = new java.util.ArrayDeque<>(), ys = new java.util.ArrayDeque<>();
        double loss = GradientProbe.loss(net, x, y);
        Map<String, INDArray> g = probe.gradient(net, x, y, TrainingMode.EQUIVARIANT);
        for (int k = 0; k < steps; k++) {
            double gn = GradientProbe.norm(g);
            if (gn < 1e-8 * gradientScale) break;
            // two-loop recursion: d = -H g
            Map<String, INDArray> q = copy(g);
            var sIt = ss.descendingIterator();
            var yIt = ys.descendingIterator();
            double[] alpha = new double[ss.size()];
            for (int i = alpha.length - 1; i >= 0; i--) {
                Map<String, INDArray> si = sIt.next(), yi = yIt.next();
                alpha[i] = dot(si, q) / dot(yi, si);
                axpy(q, yi, -alpha[i]);
            }
            if (!ys.isEmpty()) scale(q, dot(ss.peekLast(), ys.peekLast()) / dot(ys.peekLast(), ys.peekLast()));
            var sF = ss.iterator();
            var yF = ys.iterator();
            for (int i = 0; i < alpha.length; i++) {
                Map<String, INDArray> si = sF.next(), yi = yF.next();
                double beta = dot(yi, q) / dot(yi, si);
                axpy(q, si, alpha[i] - beta);
            }
            scale(q, -1);
            double slope = dot(q, g);
            if (!(slope < 0)) {          // not a descent direction: forget the curvature pairs, step along -g
                ss.clear();
                ys.clear();
                q = copy(g);
                scale(q, -1);
                slope = -gn * gn;
            }
            Map<String, INDArray> base = parameters(net, spaces);
            double t = 1, trial;
            while (true) {
                move(net, base, q, t);
                trial = GradientProbe.loss(net, x, y);
                if (trial <= loss + 1e-4 * t * slope || t < 1e-14) break;
                t /= 2;
            }
            if (!(trial < loss)) {
                move(net, base, q, 0);
                break;
            }
            Map<String, INDArray> g1 = probe.gradient(net, x, y, TrainingMode.EQUIVARIANT);
            Map<String, INDArray> sk = copy(q), yk = copy(g1);
            scale(sk, t);
            axpy(yk, g, -1);
            if (dot(sk, yk) > 1e-300) {
                ss.addLast(sk);
                ys.addLast(yk);
                if (ss.size() > memory) {
                    ss.removeFirst();
                    ys.removeFirst();
                }
            }
            g = g1;
            loss = trial;
        }
        return loss;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> a) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (var e : a.entrySet()) out.put(e.getKey(), e.getValue().dup());
        return out;
    }

    private static double dot(Map<String, INDArray> a, Map<String, INDArray> b) {
        double s = 0;
        for (var e : a.entrySet()) s += e.getValue().mul(b.get(e.getKey())).sumNumber().doubleValue();
        return s;
    }

    /** a += c b */
    private static void axpy(Map<String, INDArray> a, Map<String, INDArray> b, double c) {
        for (var e : a.entrySet()) e.getValue().addi(b.get(e.getKey()).mul(c));
    }

    private static void scale(Map<String, INDArray> a, double c) {
        for (INDArray v : a.values()) v.muli(c);
    }

    private static Map<String, INDArray> parameters(MultiLayerNetwork net, NetworkSubspaces spaces) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (ParameterSpace s : spaces.spaces()) out.put(s.key(), NetworkSubspaces.param(net, s.key()).dup());
        return out;
    }

    /** Sets every array to base + step * direction. */
    private static void move(MultiLayerNetwork net, Map<String, INDArray> base, Map<String, INDArray> direction, double step) {
        for (var e : base.entrySet()) NetworkSubspaces.param(net, e.getKey()).assign(e.getValue().add(direction.get(e.getKey()).mul(step)));
    }

    /**
     * A Gaussian direction z per parameter array, mapped to Pi_E z - Pi_{E cap H_G} Pi_E z: inside
     * E and orthogonal to E cap H_G (for compatible E also orthogonal to H_G), as a flat vector in
     * the network's parameter order.
     */
    static INDArray perturbation(MultiLayerNetwork net, NetworkSubspaces spaces, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        MultiLayerNetwork tmp = net.clone();
        INDArray flat = tmp.params();
        double[] z = new double[(int) flat.length()];
        for (int i = 0; i < z.length; i++) z[i] = gauss.sample();
        tmp.setParams(Nd4j.create(z, new long[] {1, z.length}, DataType.DOUBLE));
        spaces.projectOntoAdmissible(tmp, false);
        INDArray inE = tmp.params().dup();
        spaces.projectOntoIntersection(tmp, false);
        return inE.sub(tmp.params());
    }

    /** A direction given per parameter array, as a flat vector in the network's parameter order (zero elsewhere). */
    static INDArray flatDirection(MultiLayerNetwork net, Map<String, INDArray> direction) {
        MultiLayerNetwork tmp = net.clone();
        tmp.params().assign(0);
        for (var e : direction.entrySet()) NetworkSubspaces.param(tmp, e.getKey()).assign(e.getValue());
        return tmp.params().dup();
    }

    /** "decays", "grows" or "stays" for a ratio end / start of the distance to H_G. */
    public static String verdict(double growth) {
        if (growth < 0.5) return "decays";
        if (growth > 2) return "grows";
        return "stays within a factor 2";
    }
}
