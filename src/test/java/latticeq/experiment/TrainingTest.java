package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Head;
import latticeq.progress.ProgressListener;
import latticeq.train.Scores;
import latticeq.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

public class TrainingTest {
    private static final ProgressListener QUIET = new ProgressListener() {
        @Override public void update(long done, long total, String message) {}
        @Override public void finish() {}
    };

    /** Inputs on a 6 x 4 lattice; targets: the mean of channel 0 and of channel 2 (learnable by EQ). */
    private static INDArray[] data(int n, long seed) {
        INDArray x = uniform(seed, n, 4, 6, 4);
        INDArray y = Nd4j.concat(1, x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).mean(1, 2).reshape(n, 1),
                x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(2)).mean(1, 2).reshape(n, 1));
        return new INDArray[] {x, y};
    }

    /** Seeded uniform [0, 1) float32 array (shared with the other experiment tests). */
    public static INDArray uniform(long seed, long... shape) {
        var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        long len = 1;
        for (long s : shape) len *= s;
        float[] v = new float[(int) len];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextFloat();
        return Nd4j.create(v, shape, DataType.FLOAT);
    }

    @Test
    void studyTrainingRestoresTheBestEpochAndLearns() {
        INDArray[] train = data(200, 1), val = data(50, 2);
        ArchitectureSpec spec = ArchitectureSpec.eq(List.of(6), List.of(1), List.of(8), 2);
        TrainingConfig cfg = PaperProtocol.PAPER.withEpochs(100, 12, 3).config(200, 5L).withBatchSize(25);
        FitResult a = StudyModels.train(spec, cfg, train[0], train[1], val[0], val[1], QUIET);
        double[] v = a.validationLoss();
        for (double x : v) assertTrue(v[a.bestEpoch() - 1] <= x);
        double restored = Scores.of(a.model(), val[0], val[1]).loss();
        assertEquals(a.bestValidationLoss(), restored, 1e-4 * Math.max(1, restored));
        INDArray meanPrediction = Nd4j.zeros(DataType.FLOAT, 50, 2).addRowVector(train[1].mean(0));
        double constant = Scores.of(Head.REGRESSION, meanPrediction, val[1]).loss();
        assertTrue(restored < constant, "restored " + restored + " vs constant " + constant);
        assertEquals(50, PaperProtocol.PAPER.validationSize(500, 2000));
        assertEquals(10, PaperProtocol.PAPER.validationSize(50, 2000));
        assertEquals(7, PaperProtocol.PAPER.validationSize(500, 7));
    }

    @Test
    void storeLoadsWhatItSavedAndDoesNotTrainAgain(@TempDir Path dir) throws Exception {
        INDArray[] train = data(60, 3), val = data(20, 4);
        ArchitectureSpec spec = ArchitectureSpec.st(List.of(5, 4), List.of(3, 2), List.of(6), 2, 2);
        ModelStore store = new ModelStore(dir);
        String key = ModelStore.key(spec, 9L, "data");
        assertEquals(key, ModelStore.key(ArchitectureSpec.st(List.of(5, 4), List.of(3, 2), List.of(6), 2, 2), 9L, "data"));
        assertNotEquals(key, ModelStore.key(spec, 10L, "data"));
        AtomicInteger fits = new AtomicInteger();
        FitResult first = store.loadOrFit("st", key, () -> {
            fits.incrementAndGet();
            return StudyModels.train(spec, PaperProtocol.PAPER.withEpochs(100, 3, 25).config(60, 9L).withBatchSize(20), train[0], train[1], val[0], val[1], QUIET);
        });
        assertFalse(first.cached());
        assertTrue(store.contains("st", key));
        FitResult second = store.loadOrFit("st", key, () -> { fits.incrementAndGet(); throw new AssertionError("trained again"); });
        assertEquals(1, fits.get());
        assertTrue(second.cached());
        assertArrayEquals(first.validationLoss(), second.validationLoss(), 0.0);
        assertEquals(first.bestEpoch(), second.bestEpoch());
        INDArray probe = data(7, 5)[0];
        assertEquals(first.network().output(probe), second.network().output(probe));
        // size flexibility survives saving: an ST net runs on another lattice
        assertArrayEquals(new long[] {3, 2}, second.network().output(uniform(6L, 3, 4, 10, 5)).shape());
    }

    @Test
    void windingLabelsAreOneHot() {
        var spec = latticeq.data.DatasetSpec.paper(6, 4, List.of(1.1), 20, 20, 2, 3L);
        var data = latticeq.data.DatasetGenerator.generate(spec, 1, QUIET);
        int[] w = Tensors.windings(data);
        int classes = Tensors.maxWinding(data) + 1;
        INDArray oneHot = Tensors.windingOneHot(data, classes);
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], oneHot.getRow(i).argMax().getInt(0));
            assertEquals(1.0, oneHot.getRow(i).sumNumber().doubleValue(), 0);
            assertEquals(data.density(i) * 4, w[i], 1e-9);
        }
        assertArrayEquals(new long[] {20, 4, 6, 4}, Tensors.features(data).shape());
        assertEquals((float) data.phi2(3), Tensors.targets(data).getFloat(3, 1));
        if (classes > 2 || w[0] > 0) {
            assertThrows(IllegalArgumentException.class, () -> Tensors.windingOneHot(data, Math.max(2, Tensors.maxWinding(data))));
        }
    }
}
