package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import latticeq.data.DatasetGenerator;
import latticeq.data.DatasetSpec;
import latticeq.data.LatticeDataset;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Head;
import latticeq.progress.ProgressListener;
import latticeq.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class EvaluationTest {
    private static final ProgressListener QUIET = new ProgressListener() {
        @Override public void update(long done, long total, String message) {}
        @Override public void finish() {}
    };

    private static LatticeDataset data(int nt, int nx, long seed, int perMu) {
        return DatasetGenerator.generate(DatasetSpec.paper(nt, nx, List.of(0.9, 1.1), perMu, 50, 2, seed), 1, QUIET);
    }

    @Test
    void scoresAgreeWithAHandComputationOverSamples(@TempDir Path dir) throws Exception {
        LatticeDataset pool = data(6, 4, 1L, 30), val = data(6, 4, 2L, 10), test = data(10, 5, 3L, 7);
        ModelStore store = new ModelStore(dir);
        ArchitectureSpec spec = ArchitectureSpec.eq(List.of(4), List.of(3), List.of(4), 2);
        FitResult fit = StudyModels.regression(store, spec, pool, val, 40, PaperProtocol.PAPER.withEpochs(100, 2, 25).config(40, 1L).withBatchSize(20), QUIET);
        // the same request loads; another n trains another network
        AtomicInteger entries = new AtomicInteger();
        StudyModels.regression(store, spec, pool, val, 40, PaperProtocol.PAPER.withEpochs(100, 2, 25).config(40, 1L).withBatchSize(20), QUIET);
        StudyModels.regression(store, spec, pool, val, 30, PaperProtocol.PAPER.withEpochs(100, 2, 25).config(40, 1L).withBatchSize(20), QUIET);
        try (var s = java.nio.file.Files.list(dir)) { s.forEach(p -> entries.incrementAndGet()); }
        assertEquals(2, entries.get());

        INDArray p = fit.model().predict(Tensors.features(test));
        double sn = 0, sq = 0;
        for (int i = 0; i < test.size(); i++) {
            sn += Math.pow(p.getDouble(i, 0) - test.density(i), 2);
            sq += Math.pow(p.getDouble(i, 1) - test.phi2(i), 2);
        }
        Evaluation.Score score = Evaluation.regression(fit.model(), test);
        assertEquals(sn / test.size(), score.mseDensity(), 1e-6);
        assertEquals(sq / test.size(), score.msePhi2(), 1e-6);
        assertEquals(10, score.nt());
        List<Evaluation.MuScore> perMu = Evaluation.perMu(fit.model(), test);
        assertEquals(List.of(0.9, 1.1), perMu.stream().map(Evaluation.MuScore::mu).toList());
        double weighted = perMu.stream().mapToDouble(m -> m.mseDensity() * m.samples()).sum() / test.size();
        assertEquals(score.mseDensity(), weighted, 1e-6);
        assertEquals(7, perMu.get(0).samples());
    }

    @Test
    void countingAccuracyIsAFractionAndTheBaselineIsTheModeShare(@TempDir Path dir) throws Exception {
        LatticeDataset pool = data(6, 4, 4L, 30), val = data(6, 4, 5L, 10);
        int classes = Tensors.maxWinding(pool, val) + 1;
        ArchitectureSpec spec = ArchitectureSpec.eq(List.of(4), List.of(3), List.of(), Math.max(2, classes))
                .withHead(Head.CLASSIFICATION, Math.max(2, classes));
        FitResult fit = StudyModels.counting(new ModelStore(dir), spec, pool, val, 60, PaperProtocol.PAPER.withEpochs(100, 2, 25).config(40, 1L).withBatchSize(20), QUIET);
        double acc = Evaluation.accuracy(fit.model(), val, spec.outputs());
        assertTrue(acc >= 0 && acc <= 1);
        int[] w = Tensors.windings(pool);
        long zeros = java.util.Arrays.stream(Tensors.windings(val)).filter(v -> v == 0).count();
        long poolZeros = java.util.Arrays.stream(w).filter(v -> v == 0).count();
        if (poolZeros * 2 > w.length) {
            assertEquals((double) zeros / val.size(), Evaluation.majorityBaseline(pool, val), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> StudyModels.regression(new ModelStore(dir), spec, pool, val, 10,
                PaperProtocol.PAPER.withEpochs(100, 1, 25).config(10, 1L), QUIET));
    }
}
