package latticeq.dynamics;

import java.util.List;
import latticeq.symmetry.LayerDistance;

/**
 * Distance of a network's parameters from a subspace: per parameter array, in all (the Frobenius
 * norm of the whole difference) and relative to the norm of all the parameters.
 */
public record Distances(List<LayerDistance> layers, double absolute, double relative) {
    public Distances {
        layers = List.copyOf(layers);
        if (!(absolute >= 0) || !(relative >= 0)) {
            throw new IllegalArgumentException("absolute = " + absolute + ", relative = " + relative + ": need both >= 0");
        }
    }
}
