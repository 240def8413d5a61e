package latticeq.augment;

import java.util.ArrayList;
import java.util.List;
import latticeq.symmetry.FieldAction;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.LatticeSymmetry;
import latticeq.symmetry.TargetAction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data augmentation over a lattice symmetry group, for the AUGMENTED training mode.
 *
 * <ul>
 *   <li>{@link #random}: each sample transformed by its own uniformly random element (seeded:
 *       the same seed gives the same elements in the same order).</li>
 *   <li>{@link #orbit}: every element of G applied to every sample (row i |G| + j holds element j
 *       applied to sample i), so the mean loss over the returned batch is exactly the
 *       orbit-averaged loss (1/N) sum_i (1/|G|) sum_g l(f(g x_i), g y_i). For small groups only.</li>
 * </ul>
 * Features follow a {@link FieldType} (NCHW, H = N_t, W = N_x of the group's lattice); labels
 * follow a {@link TargetAction} (or are null). Not thread-safe (it owns its random stream).
 */
public final class Augmenter {

    /** Largest group for which {@link #orbit} is allowed (the batch grows by |G|). */
    public static final int MAX_ORBIT_GROUP_ORDER = 4096;

    private final LatticeGroup group;
    private final FieldType fieldType;
    private final TargetAction targetAction;
    private final UniformRandomProvider rng;
    private final long seed;

    /** @param targetAction null when batches carry no labels */
    public Augmenter(LatticeGroup group, FieldType fieldType, TargetAction targetAction, long seed) {
        if (group == null) throw new IllegalArgumentException("group = null: need a LatticeGroup");
        if (fieldType == null) throw new IllegalArgumentException("fieldType = null: need a FieldType");
        this.group = group;
        this.fieldType = fieldType;
        this.targetAction = targetAction;
        this.seed = seed;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    public LatticeGroup group() {
        return group;
    }

    public long seed() {
        return seed;
    }

    /** Each sample by its own random element. */
    public Batch random(INDArray features, INDArray labels) {
        int n = (int) features.size(0);
        List<LatticeSymmetry> els = new ArrayList<>(n);
        for (int i = 0; i < n; i++) els.add(group.sample(rng));
        return apply(features, labels, els);
    }

    /** Every sample under every group element: N |G| rows, sample-major. */
    public Batch orbit(INDArray features, INDArray labels) {
        return orbit(group, fieldType, targetAction, features, labels);
    }

    /** Static form of {@link #orbit(INDArray, INDArray)} (no randomness involved). */
    public static Batch orbit(LatticeGroup group, FieldType fieldType, TargetAction targetAction, INDArray features, INDArray labels) {
        int order = group.order();
        if (order > MAX_ORBIT_GROUP_ORDER) {
            throw new IllegalArgumentException("group " + group + " has order " + order + ": orbit augmentation needs order <= "
                    + MAX_ORBIT_GROUP_ORDER + "; use random elements instead");
        }
        int n = (int) features.size(0);
        INDArray rep = features.repeat(0, order); // rows i*order + j = sample i
        List<LatticeSymmetry> els = new ArrayList<>(n * order);
        for (int i = 0; i < n; i++) els.addAll(group.elements());
        INDArray lab = labels == null ? null : labels.repeat(0, order);
        return applyWith(fieldType, targetAction, rep, lab, els);
    }

    /** Applies {@code elements.get(i)} to sample i and its label. */
    public Batch apply(INDArray features, INDArray labels, List<LatticeSymmetry> elements) {
        return applyWith(fieldType, targetAction, features, labels, elements);
    }

    private static Batch applyWith(FieldType type, TargetAction targets, INDArray features, INDArray labels, List<LatticeSymmetry> els) {
        INDArray f = FieldAction.applyEach(type, els, features);
        INDArray l = null;
        if (labels != null) {
            if (targets == null) throw new IllegalArgumentException("labels given but targetAction = null: need a TargetAction to transform them");
            l = targets.applyEach(els, labels);
        }
        return new Batch(f, l, els);
    }

    /** One configuration (plain [C][N_t][N_x] array) under a random element, which is stored in {@code elementOut[0]} when that array is non-empty. */
    public int[] randomConfig(int[] config, LatticeSymmetry[] elementOut) {
        LatticeSymmetry g = group.sample(rng);
        if (elementOut != null && elementOut.length > 0) elementOut[0] = g;
        return FieldAction.of(fieldType, g).apply(config);
    }

    /** A random element (for callers that transform labels or other data themselves). */
    public LatticeSymmetry sampleElement() {
        return group.sample(rng);
    }

    /** Every group element applied to one configuration, in the group's element order. */
    public static int[][] orbit(LatticeGroup group, FieldType type, int[] config) {
        List<LatticeSymmetry> els = group.elements();
        int[][] out = new int[els.size()][];
        for (int j = 0; j < out.length; j++) out[j] = FieldAction.of(type, els.get(j)).apply(config);
        return out;
    }

    /** A batch of n float fields back to back, orbit-expanded sample-major (n |G| fields). */
    public static float[] orbitBatch(LatticeGroup group, FieldType type, float[] batch, int n) {
        List<LatticeSymmetry> els = group.elements();
        int s = type.channels() * group.lattice().volume();
        if (batch.length != (long) n * s) {
            throw new IllegalArgumentException("batch length " + batch.length + ": need n * C * N_t * N_x = " + (long) n * s);
        }
        float[] out = new float[n * els.size() * s];
        for (int i = 0; i < n; i++) {
            float[] one = java.util.Arrays.copyOfRange(batch, i * s, (i + 1) * s);
            for (int j = 0; j < els.size(); j++) {
                System.arraycopy(FieldAction.of(type, els.get(j)).apply(one), 0, out, (i * els.size() + j) * s, s);
            }
        }
        return out;
    }
}
