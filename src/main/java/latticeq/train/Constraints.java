package latticeq.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The subspaces of a training run, each a list of per-parameter projections.
 *
 * @param group       Pi_G per parameter: distances to H_G are reported for these (history, step hook)
 * @param admissible  Pi_E per parameter (may be empty): NOMINAL and AUGMENTED runs are restricted to E when
 *                    {@code restrictToAdmissible} is set on the trainer
 * @param equivariant Pi_{E cap H_G} per parameter: the EQUIVARIANT mode projects onto these (equal to
 *                    {@code group} when there is no admissible restriction; Pi_E Pi_G when the two commute)
 */
public record Constraints(List<ParamProjection> group, List<ParamProjection> admissible, List<ParamProjection> equivariant) {
    public Constraints {
        group = List.copyOf(group);
        admissible = List.copyOf(admissible);
        equivariant = List.copyOf(equivariant);
    }

    /** Only a group (E = all layers): EQUIVARIANT projects onto H_G. */
    public static Constraints of(List<ParamProjection> group) {
        return new Constraints(group, List.of(), group);
    }

    public static Constraints none() {
        return new Constraints(List.of(), List.of(), List.of());
    }

    /** ||A - Pi_G A||_F per parameter (keys "layer_param", e.g. "0_W"), in list order: the paper's distance to H_G. */
    public Map<String, Double> distances(MultiLayerNetwork net) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ParamProjection p : group) m.put(p.name(), p.distance(net));
        return m;
    }

    /** The distance of all parameters together: the root of the sum of squares of per-parameter {@link #distances}. */
    public static double total(Map<String, Double> distances) {
        double s = 0;
        for (double d : distances.values()) s += d * d;
        return Math.sqrt(s);
    }
}
