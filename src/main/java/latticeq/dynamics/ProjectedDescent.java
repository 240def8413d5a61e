package latticeq.dynamics;

import java.util.LinkedHashMap;
import java.util.Map;
import latticeq.augment.Augmenter;
import latticeq.augment.Batch;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.TargetAction;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Gradient steps on a DL4J network in one of the three modes, with every gradient projected
 * array by array before it is used ({@link NetworkSubspaces#projectGradient}): the update rule of
 * arXiv:2303.13458 written out. DL4J computes loss and gradient (backpropagation of {@code nn}'s
 * layers); the step itself is done here so that what the theory needs is explicit: the projection,
 * the orbit average, and the optimizer's per-coordinate arithmetic.
 *
 * <p>The gradient is that of the batch-mean loss (DL4J's summed gradient divided by the number of
 * rows; an orbit batch of N samples has N |G| rows, so its gradient is the orbit average).
 */
public final class ProjectedDescent {
    private final MultiLayerNetwork net;
    private final NetworkSubspaces spaces;
    private final LatticeGroup group;
    private final TargetAction targets;
    private final DescentSettings settings;
    private final Augmenter augmenter;
    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private long steps;

    /**
     * @param net      a network of {@code spaces.architecture()}
     * @param spaces   its subspaces
     * @param group    the lattice group whose point group is the architecture's (for augmentation)
     * @param targets  how targets transform (invariant targets: {@code TargetAction.invariant(d)})
     * @param settings mode, augmentation, optimizer
     */
    public ProjectedDescent(MultiLayerNetwork net, NetworkSubspaces spaces, LatticeGroup group, TargetAction targets,
                            DescentSettings settings) {
        if (net == null || spaces == null || group == null || targets == null || settings == null) {
            throw new IllegalArgumentException("net, spaces, group, targets and settings must not be null");
        }
        if (!group.pointGroup().equals(spaces.architecture().group())) {
            throw new IllegalArgumentException("group " + group + " has point group " + group.pointGroup().name()
                    + ": need the architecture's " + spaces.architecture().group().name());
        }
        this.net = net;
        this.spaces = spaces;
        this.group = group;
        this.targets = targets;
        this.settings = settings;
        this.augmenter = new Augmenter(group, spaces.architecture().input(), targets, settings.seed());
    }

    public DescentSettings settings() {
        return settings;
    }

    public MultiLayerNetwork network() {
        return net;
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /**
     * One step on the batch (x, y), transformed as the settings say; returns the loss of the
     * (transformed) batch before the step.
     */
    public double step(INDArray x, INDArray y) {
        INDArray bx = x, by = y;
        if (settings.augmentation() != Augmentation.NONE) {
            Batch b = settings.augmentation() == Augmentation.ORBIT ? augmenter.orbit(x, y) : augmenter.random(x, y);
            bx = b.features();
            by = b.labels();
        }
        Map<String, INDArray> raw = new LinkedHashMap<>();
        double loss = gradient(bx, by, raw);
        Map<String, INDArray> g = spaces.projectGradient(raw, settings.mode());
        steps++;
        for (ParameterSpace s : spaces.spaces()) {
            INDArray p = NetworkSubspaces.param(net, s.key());
            INDArray gs = g.get(s.key());
            if (settings.optimizer() == OptimizerKind.SGD) {
                p.subi(gs.mul(settings.learningRate()));
            } else {
                INDArray mk = m.computeIfAbsent(s.key(), k -> gs.mul(0));
                INDArray vk = v.computeIfAbsent(s.key(), k -> gs.mul(0));
                mk.muli(settings.beta1()).addi(gs.mul(1 - settings.beta1()));
                vk.muli(settings.beta2()).addi(gs.mul(gs).muli(1 - settings.beta2()));
                double c1 = 1 - Math.pow(settings.beta1(), steps), c2 = 1 - Math.pow(settings.beta2(), steps);
                INDArray denom = Transforms.sqrt(vk.div(c2), true).addi(settings.epsilon());
                p.subi(mk.div(c1).divi(denom).muli(settings.learningRate()));
            }
        }
        if (settings.optimizer() == OptimizerKind.ADAM && settings.mode() == Mode.EQUIVARIANT) {
            spaces.projectOntoIntersection(net, false);
        }
        return loss;
    }

    /**
     * The projected gradient at the current parameters for an arbitrary mode and augmentation
     * (ORBIT or NONE), without stepping: e.g. the augmented gradient at an equivariant stationary point.
     */
    public Map<String, INDArray> projectedGradient(INDArray x, INDArray y, Mode mode, boolean orbitAverage) {
        INDArray bx = x, by = y;
        if (orbitAverage) {
            Batch b = Augmenter.orbit(group, spaces.architecture().input(), targets, x, y);
            bx = b.features();
            by = b.labels();
        }
        Map<String, INDArray> raw = new LinkedHashMap<>();
        gradient(bx, by, raw);
        return spaces.projectGradient(raw, mode);
    }

    /** The batch-mean loss of the network on (x, y) (no augmentation, no step). */
    public double loss(INDArray x, INDArray y) {
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

    private double gradient(INDArray x, INDArray y, Map<String, INDArray> out) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        double score = net.score();
        Gradient g = net.gradient();
        double rows = x.size(0);
        for (ParameterSpace s : spaces.spaces()) {
            INDArray gr = g.getGradientFor(s.key());
            if (gr == null) throw new IllegalStateException("no gradient for " + s.key());
            out.put(s.key(), gr.div(rows));
        }
        net.clear();
        return score;
    }
}
