package latticeq.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Distances of a network's parameters from linear subspaces. */
public final class Distances {
    private Distances() {}

    /** ||A - P A||_F per projected parameter, keyed "layer_param" (e.g. "0_W"), in list order. */
    public static Map<String, Double> toSubspace(MultiLayerNetwork net, List<ParamProjection> projections) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ParamProjection p : projections) m.put(p.name(), p.distance(net));
        return m;
    }

    /** Per layer ||A - Pi_G A||_F for the given group projections (the paper's distance to H_G). */
    public static Map<String, Double> distanceToEquivariant(MultiLayerNetwork net, List<ParamProjection> groupProjections) {
        return toSubspace(net, groupProjections);
    }

    /** sqrt of the sum of squares of the per-parameter distances (the distance of all layers together). */
    public static double total(Map<String, Double> distances) {
        double s = 0;
        for (double d : distances.values()) s += d * d;
        return Math.sqrt(s);
    }
}
