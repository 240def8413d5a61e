package latticeq.dynamics;

import java.util.Arrays;
import java.util.List;

/**
 * One training run's record, one entry per recorded step: the batch loss, the distance
 * ||A - Pi_G A|| of all the parameters from H_G (absolute and relative to ||A||), the absolute
 * distance of every parameter array, and the wall time of the steps (recording excluded).
 *
 * @param label            e.g. "AUGMENTED/orbit/SGD"
 * @param support          the admissible space E
 * @param seed             seed of the network initialisation (and of random group elements)
 * @param steps            step index of each record (0 = the start)
 * @param loss             loss of the batch the step used (at the start: the nominal loss)
 * @param distance         ||A - Pi_G A|| / ||A||
 * @param absoluteDistance ||A - Pi_G A||
 * @param layers           names of the parameter arrays
 * @param layerDistance    [array][record] ||A_i - Pi_G A_i||
 * @param wallSeconds      time spent in the steps
 */
public record Trajectory(String label, Support support, long seed, int[] steps, double[] loss, double[] distance,
                         double[] absoluteDistance, List<String> layers, double[][] layerDistance, double wallSeconds) {
    public Trajectory {
        int n = steps.length;
        if (loss.length != n || distance.length != n || absoluteDistance.length != n) {
            throw new IllegalArgumentException("record arrays have lengths " + n + ", " + loss.length + ", " + distance.length
                    + ", " + absoluteDistance.length + ": need equal lengths");
        }
        layers = List.copyOf(layers);
        if (layerDistance.length != layers.size()) {
            throw new IllegalArgumentException("layerDistance has " + layerDistance.length + " rows: need one per layer (" + layers.size() + ")");
        }
        steps = steps.clone();
        loss = loss.clone();
        distance = distance.clone();
        absoluteDistance = absoluteDistance.clone();
        layerDistance = Arrays.stream(layerDistance).map(double[]::clone).toArray(double[][]::new);
    }

    /** Relative distance at the start. */
    public double start() {
        return distance[0];
    }

    /** Relative distance at the end. */
    public double end() {
        return distance[distance.length - 1];
    }

    /** Largest relative distance over the run. */
    public double max() {
        return Arrays.stream(distance).max().orElse(0);
    }

    /** Steps as doubles (for plotting). */
    public double[] stepAxis() {
        return Arrays.stream(steps).asDoubleStream().toArray();
    }

    /** {@code values} with every entry raised to at least {@code floor} (for log axes). */
    public static double[] floor(double[] values, double floor) {
        return Arrays.stream(values).map(v -> Math.max(v, floor)).toArray();
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] distance() {
        return distance.clone();
    }

    @Override
    public double[] absoluteDistance() {
        return absoluteDistance.clone();
    }

    @Override
    public double[][] layerDistance() {
        return Arrays.stream(layerDistance).map(double[]::clone).toArray(double[][]::new);
    }
}
