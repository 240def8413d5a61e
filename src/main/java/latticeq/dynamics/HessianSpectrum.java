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
 * eigenvalues by power iteration, first the one of largest magnitude, then the opposite end by a
 * shift. A negative orthogonal minimum at an equivariant minimum A* means AUGMENTED training is
 * linearly unstable at A* while EQUIVARIANT training (which never sees those directions) is not.
 */
public final class HessianSpectrum {
    private HessianSpectrum() {}

    /** {min, max} eigenvalue; the network's parameters are restored afterwards. */
    public static double[] extremes(MultiLayerNetwork net, GradientProbe probe, NetworkSubspaces spaces, INDArray x, INDArray y,
                                    boolean orthogonal, int iterations, long seed) {
        if (iterations < 1) throw new IllegalArgumentException("iterations = " + iterations + ": need >= 1");
        Map<String, INDArray> a = new LinkedHashMap<>();
        for (ParameterSpace s : spaces.spaces()) a.put(s.key(), NetworkSubspaces.param(net, s.key()).dup());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double scale = Math.max(1e-3, GradientProbe.norm(a));
        double h = 1e-5 * scale;
        try {
            Map<String, INDArray> v = random(a, gauss);
            v = restrict(spaces, v, orthogonal);
            double top = 0;
            for (int i = 0; i < iterations; i++) {
                normalise(v);
                Map<String, INDArray> hv = restrict(spaces, hessianTimes(net, probe, spaces, a, v, x, y, h), orthogonal);
                top = dot(v, hv);
                v = hv;
            }
            // shifted operator B = top I - H has its dominant eigenvalue at the other end of the spectrum
            Map<String, INDArray> w = restrict(spaces, random(a, gauss), orthogonal);
            double other = top;
            for (int i = 0; i < iterations; i++) {
                normalise(w);
                Map<String, INDArray> hw = restrict(spaces, hessianTimes(net, probe, spaces, a, w, x, y, h), orthogonal);
                Map<String, INDArray> bw = new LinkedHashMap<>();
                for (String k : w.keySet()) bw.put(k, w.get(k).mul(top).subi(hw.get(k)));
                other = top - dot(w, bw);
                w = bw;
            }
            return new double[] {Math.min(top, other), Math.max(top, other)};
        } finally {
            for (var e : a.entrySet()) NetworkSubspaces.param(net, e.getKey()).assign(e.getValue());
        }
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

    private static void normalise(Map<String, INDArray> v) {
        double n = GradientProbe.norm(v);
        if (n == 0) throw new IllegalStateException("the subspace is {0}: no eigenvalues to measure");
        for (INDArray a : v.values()) a.divi(n);
    }

    private static double dot(Map<String, INDArray> a, Map<String, INDArray> b) {
        double s = 0;
        for (String k : a.keySet()) s += a.get(k).mul(b.get(k)).sumNumber().doubleValue();
        return s;
    }
}
