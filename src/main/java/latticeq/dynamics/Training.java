package latticeq.dynamics;

import latticeq.augment.Augmenter;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.TargetAction;
import latticeq.train.Trainer;
import latticeq.train.TrainingConfig;
import latticeq.train.TrainingMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Builds {@code latticeq.train} trainers for the experiments: float64, no weight decay, no early stopping. */
final class Training {
    private Training() {}

    /**
     * @param start initial parameters (flat), or null for the seeded initialisation; the trainer
     *              projects them as the mode requires (onto E cap H_G for EQUIVARIANT, onto E otherwise)
     */
    static Trainer trainer(NetworkSubspaces spaces, LatticeGroup group, TargetAction targets, Variant v, long seed, int epochs,
                           int batchSize, INDArray start) {
        TrainingConfig cfg = new TrainingConfig(v.optimizer(), v.learningRate(), batchSize, 0.0, epochs, epochs + 1, seed, DataType.DOUBLE);
        Trainer t = new Trainer(spaces.architecture().spec(), cfg).mode(v.mode()).constraints(spaces.constraints()).restrictToAdmissible(true);
        if (v.mode() == TrainingMode.AUGMENTED) {
            t.augmentation(v.augmentation().of(new Augmenter(group, spaces.architecture().input(), targets, seed)));
        }
        if (v.basisSeed() != 0) t.gradientMetric(spaces.nonOrthonormalBasis(v.basisSeed(), Variant.BASIS_SPREAD));
        if (start != null) t.initialParameters(start);
        return t;
    }
}
