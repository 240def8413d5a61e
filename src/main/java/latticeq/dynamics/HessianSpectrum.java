package latticeq.dynamics;

import java.util.LinkedHashMap;
import java.util.Map;
import latticeq.train.TrainingMode;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Extreme eigenvalues of the Hessian of the augmented risk (orbit average, restricted to E) at the
 * network's parameters, on one of two invariant subspaces: E cap H_G ("parallel") or E orthogonal
 * to E cap H_G ("orthogonal"). At an equivariant point the Hessian of the G-invariant R_aug
 * commutes with the group action, so both subspaces are invariant under it (for compatible E).
 * Hessian-vector products are central finite differences of the projected augmented gradient;
 * eigenpairs by {@link Lanczos} (full re-orthogonalisation), which converges to both ends of the
 * spectrum and reports a residual, where the former shifted power iteration stopped early above the
 * minimum and so leaned towards "stable" (shown in LanczosTest). A negative orthogonal minimum at an
 * equivariant minimum A* means AUGMENTED training is linearly unstable at A* while EQUIVARIANT
 * training (which never sees those directions) is not; its eigenvector is the direction along
 * which the instability grows fastest.
 */
public final class HessianSpectrum {
    private HessianSpectrum() {}

    /**
     * The spectrum's ends on one subspace.
     *
     * @param min             lowest Ritz value
     * @param max             highest Ritz value
     * @param minResidual     ||H y - min y|| of the lowest Ritz pair (how far min can be off)
     * @param lowestDirection unit eigenvector of min, per parameter array (inside the subspace)
     * @param steps           Lanczos steps taken
     */
    public record Curvature(double min, double max, double minResidual, Map<String, INDArray> lowestDirection, int steps) {
        public double[] extremes() {
            return new double[] {min, max};
        }
    }

    /** {min, max} eigenvalue with {@code iterations} Lanczos steps; the network's parameters are restored afterwards. */
    public static double[] extremes(MultiLayerNetwork net, GradientProbe probe, NetworkSubspaces spaces, INDArray x, INDArray y,
                                    boolean orthogonal, int iterations, long seed) {
        return curvature(net, probe, spaces, x, y, orthogonal, iterations, seed).extremes();
    }

    /** Both ends, the lowest eigenvector and its residual; the network's parameters are restored afterwards. */
    public static Curvature curvature(MultiLayerNetwork net, GradientProbe probe, NetworkSubspaces spaces, INDArray x, INDArray y,
                                      boolean orthogonal, int steps, long seed) {
        if (steps < 1) throw new IllegalArgumentException("steps = " + steps + ": need >= 1");
        Map<String, INDArray> a = new LinkedHashMap<>();
        for (ParameterSpace s : spaces.spaces()) a.put(s.key(), NetworkSubspaces.param(net, s.key()).dup());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double scale = Math.max(1e-3, GradientProbe.norm(a));
        double h = 1e-5 * scale;
        try {
            Map<String, INDArray> start = restrict(spaces, random(a, gauss), orthogonal);
            if (GradientProbe.norm(start) == 0) throw new IllegalStateException("the subspace is {0}: no eigenvalues to measure");
            Lanczos.Result r = Lanczos.run(v -> flat(restrict(spaces,
                    hessianTimes(net, probe, spaces, a, restrict(spaces, unflat(v, a), orthogonal), x, y, h), orthogonal)),
                    flat(start), steps);
            return new Curvature(r.min(), r.max(), r.residuals()[0], unflat(r.lowestVector(), a), r.steps());
        } finally {
            for (var e : a.entrySet()) NetworkSubspaces.param(net, e.getKey()).assign(e.getValue());
        }
    }

    private static double[] flat(Map<String, INDArray> v) {
        int n = 0;
        for (INDArray a : v.values()) n += (int) a.length();
        double[] out = new double[n];
        int at = 0;
        for (INDArray a : v.values()) {
            double[] d = a.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
            System.arraycopy(d, 0, out, at, d.length);
            at += d.length;
        }
        return out;
    }

    private static Map<String, INDArray> unflat(double[] v, Map<String, INDArray> like) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        int at = 0;
        for (var e : like.entrySet()) {
            int len = (int) e.getValue().length();
            double[] part = java.util.Arrays.copyOfRange(v, at, at + len);
            out.put(e.getKey(), org.nd4j.linalg.factory.Nd4j.create(part, e.getValue().shape(), 'c').castTo(e.getValue().dataType()));
            at += len;
        }
        return out;
    }

    private static Map<String, INDArray> hessianTimes(MultiLayerNetwork net, GradientProbe probe, NetworkSubspaces spaces, Map<String, INDArray> a,
                                                      Map<String, INDArray> v, INDArray x, INDArray y, double h) {
        set(net, a, v, h);
        Map<String, INDArray> up = probe.gradient(net, x, y, TrainingMode.AUGMENTED);
        set(net, a, v, -h);
        Map<String, INDArray> down = probe.gradient(net, x, y, TrainingMode.AUGMENTED);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String k : up.keySet()) out.put(k, up.get(k).sub(down.get(k)).divi(2 * h));
        return out;
    }

    private static void set(MultiLayerNetwork net, Map<String, INDArray> a, Map<String, INDArray> v, double h) {
        for (String k : a.keySet()) NetworkSubspaces.param(net, k).assign(a.get(k).add(v.get(k).mul(h)));
    }

    /** Pi_E v, then its part in E cap H_G (parallel) or orthogonal to it. */
    private static Map<String, INDArray> restrict(NetworkSubspaces spaces, Map<String, INDArray> v, boolean orthogonal) {
        Map<String, INDArray> e = spaces.projectGradient(v, TrainingMode.NOMINAL);
        Map<String, INDArray> par = spaces.projectGradient(e, TrainingMode.EQUIVARIANT);
        if (!orthogonal) return par;
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String k : e.keySet()) out.put(k, e.get(k).sub(par.get(k)));
        return out;
    }

    private static Map<String, INDArray> random(Map<String, INDArray> like, ZigguratSampler.NormalizedGaussian g) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (var e : like.entrySet()) {
            INDArray r = e.getValue().dup();
            double[] d = new double[(int) r.length()];
            for (int i = 0; i < d.length; i++) d[i] = g.sample();
            r.assign(org.nd4j.linalg.factory.Nd4j.create(d, r.shape(), r.dataType()));
            out.put(e.getKey(), r);
        }
        return out;
    }

}
