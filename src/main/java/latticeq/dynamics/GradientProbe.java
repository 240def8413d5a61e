package latticeq.dynamics;

import java.util.LinkedHashMap;
import java.util.Map;
import latticeq.augment.Augmenter;
import latticeq.augment.Batch;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.TargetAction;
import latticeq.train.TrainingMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Measures, without training, the gradient a mode would step along at the current parameters:
 * Pi_{E cap H_G} grad R (EQUIVARIANT), Pi_E grad R_aug with the exact orbit average (AUGMENTED),
 * Pi_E grad R (NOMINAL). The gradient is that of the batch-mean loss (DL4J's summed gradient
 * divided by the number of rows; an orbit batch has N |G| rows, so it is the orbit average).
 */
public final class GradientProbe {
    private final NetworkSubspaces spaces;
    private final LatticeGroup group;
    private final TargetAction targets;

    public GradientProbe(NetworkSubspaces spaces, LatticeGroup group, TargetAction targets) {
        if (spaces == null || group == null || targets == null) throw new IllegalArgumentException("spaces, group and targets must not be null");
        if (!group.pointGroup().equals(spaces.architecture().group())) {
            throw new IllegalArgumentException("group " + group + " has point group " + group.pointGroup().name()
                    + ": need the architecture's " + spaces.architecture().group().name());
        }
        this.spaces = spaces;
        this.group = group;
        this.targets = targets;
    }

    /** The projected gradient of {@code mode} at the network's parameters; AUGMENTED uses the orbit average. */
    public Map<String, INDArray> gradient(MultiLayerNetwork net, INDArray x, INDArray y, TrainingMode mode) {
        INDArray bx = x, by = y;
        if (mode == TrainingMode.AUGMENTED) {
            Batch b = Augmenter.orbit(group, spaces.architecture().input(), targets, x, y);
            bx = b.features();
            by = b.labels();
        }
        net.setInput(bx);
        net.setLabels(by);
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        double rows = bx.size(0);
        Map<String, INDArray> raw = new LinkedHashMap<>();
        for (ParameterSpace s : spaces.spaces()) {
            INDArray gr = g.getGradientFor(s.key());
            if (gr == null) throw new IllegalStateException("no gradient for " + s.key());
            raw.put(s.key(), gr.div(rows));
        }
        net.clear();
        return spaces.projectGradient(raw, mode);
    }

    /** The batch-mean loss of the network on (x, y). */
    public static double loss(MultiLayerNetwork net, INDArray x, INDArray y) {
        return net.score(new DataSet(x, y), false);
    }

    /** Frobenius norm of a collection of arrays. */
    public static double norm(Map<String, INDArray> arrays) {
        double s = 0;
        for (INDArray a : arrays.values()) {
            double n = a.norm2Number().doubleValue();
            s += n * n;
        }
        return Math.sqrt(s);
    }

    /** ||a - b|| over the arrays of a (same keys in b). */
    public static double distance(Map<String, INDArray> a, Map<String, INDArray> b) {
        double s = 0;
        for (var e : a.entrySet()) {
            double n = e.getValue().sub(b.get(e.getKey())).norm2Number().doubleValue();
            s += n * n;
        }
        return Math.sqrt(s);
    }
}
