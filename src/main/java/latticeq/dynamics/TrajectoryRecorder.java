package latticeq.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs {@code steps} full-batch steps of a {@link ProjectedDescent} and records the loss and the
 * distances from H_G every {@code every} steps (and at the start and the end).
 */
final class TrajectoryRecorder {
    private TrajectoryRecorder() {}

    static Trajectory run(String label, ProjectedDescent pd, NetworkSubspaces spaces, long seed, INDArray x, INDArray y,
                          int steps, int every, Runnable afterStep) {
        MultiLayerNetwork net = pd.network();
        List<Integer> at = new ArrayList<>();
        List<Double> loss = new ArrayList<>(), rel = new ArrayList<>(), abs = new ArrayList<>();
        List<double[]> layers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ParameterSpace s : spaces.spaces()) names.add(s.key());
        record(spaces, net, 0, pd.loss(x, y), at, loss, rel, abs, layers);
        long nanos = 0;
        for (int step = 1; step <= steps; step++) {
            long t0 = System.nanoTime();
            double l = pd.step(x, y);
            nanos += System.nanoTime() - t0;
            if (afterStep != null) afterStep.run();
            if (step % every == 0 || step == steps) record(spaces, net, step, l, at, loss, rel, abs, layers);
        }
        int n = at.size();
        double[][] ld = new double[names.size()][n];
        for (int j = 0; j < n; j++) for (int i = 0; i < names.size(); i++) ld[i][j] = layers.get(j)[i];
        return new Trajectory(label, spaces.support(), seed, at.stream().mapToInt(Integer::intValue).toArray(),
                loss.stream().mapToDouble(Double::doubleValue).toArray(), rel.stream().mapToDouble(Double::doubleValue).toArray(),
                abs.stream().mapToDouble(Double::doubleValue).toArray(), names, ld, nanos / 1e9);
    }

    private static void record(NetworkSubspaces spaces, MultiLayerNetwork net, int step, double l, List<Integer> at, List<Double> loss,
                               List<Double> rel, List<Double> abs, List<double[]> layers) {
        Distances d = spaces.distanceToEquivariant(net);
        at.add(step);
        loss.add(l);
        rel.add(d.relative());
        abs.add(d.absolute());
        layers.add(d.layers().stream().mapToDouble(ld -> ld.absolute()).toArray());
    }
}
