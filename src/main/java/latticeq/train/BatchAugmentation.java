package latticeq.train;

import latticeq.augment.Augmenter;
import latticeq.augment.Batch;
import org.nd4j.linalg.dataset.DataSet;

/** Transforms one training batch for the AUGMENTED mode (features and labels together). */
@FunctionalInterface
public interface BatchAugmentation {

    DataSet apply(DataSet batch);

    /** Each sample by its own random group element (seeded through the Augmenter). */
    static BatchAugmentation random(Augmenter augmenter) {
        return b -> toDataSet(augmenter.random(b.getFeatures(), b.getLabels()));
    }

    /** Every sample by every group element: the loss is the exact orbit average (small groups only). */
    static BatchAugmentation orbit(Augmenter augmenter) {
        return b -> toDataSet(augmenter.orbit(b.getFeatures(), b.getLabels()));
    }

    private static DataSet toDataSet(Batch b) {
        return new DataSet(b.features(), b.labels());
    }
}
