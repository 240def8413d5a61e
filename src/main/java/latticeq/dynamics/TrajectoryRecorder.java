package latticeq.dynamics;

import java.util.ArrayList;
import java.util.List;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.TargetAction;
import latticeq.train.TrainingResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Runs {@code steps} full-batch steps with {@code latticeq.train}'s trainer (one epoch = one step)
 * and records, through its per-step hook, the loss and the distances from H_G every {@code every}
 * steps and at the end; keeps the final parameters.
 */
final class TrajectoryRecorder {
    private TrajectoryRecorder() {}

    record Recorded(Trajectory trajectory, INDArray finalParameters) {}

    static Recorded run(NetworkSubspaces spaces, LatticeGroup group, TargetAction targets, Variant v, long seed, INDArray start,
                        INDArray x, INDArray y, int steps, int every) {
        List<Integer> at = new ArrayList<>();
        List<Double> loss = new ArrayList<>(), rel = new ArrayList<>(), abs = new ArrayList<>();
        List<double[]> layers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ParameterSpace s : spaces.spaces()) names.add(s.key());
        MultiLayerNetwork first = spaces.architecture().build(seed);
        first.setParams(start.dup());
        record(spaces, first, 0, GradientProbe.loss(first, x, y), at, loss, rel, abs, layers);
        INDArray[] last = new INDArray[1];
        DataSet data = new DataSet(x, y);
        TrainingResult r = Training.trainer(spaces, group, targets, v, seed, steps, (int) x.size(0), start)
                .onStep((step, epoch, net, l) -> {
                    if (step % every == 0 || step == steps) record(spaces, net, (int) step, l, at, loss, rel, abs, layers);
                    if (step == steps) last[0] = net.params().dup();
                })
                .fit(data, data);
        double wall = r.history().epochs().stream().mapToDouble(e -> e.wallSeconds()).sum();
        int n = at.size();
        double[][] ld = new double[names.size()][n];
        for (int j = 0; j < n; j++) for (int i = 0; i < names.size(); i++) ld[i][j] = layers.get(j)[i];
        Trajectory t = new Trajectory(v.label(), spaces.support(), seed, at.stream().mapToInt(Integer::intValue).toArray(),
                loss.stream().mapToDouble(Double::doubleValue).toArray(), rel.stream().mapToDouble(Double::doubleValue).toArray(),
                abs.stream().mapToDouble(Double::doubleValue).toArray(), names, ld, wall);
        return new Recorded(t, last[0]);
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
