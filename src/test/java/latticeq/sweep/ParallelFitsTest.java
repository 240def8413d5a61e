package latticeq.sweep;

import latticeq.experiment.PaperProtocol;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import latticeq.experiment.FitResult;
import latticeq.experiment.StudyModels;
import latticeq.experiment.TrainingTest;
import latticeq.nn.ArchitectureSpec;
import latticeq.progress.ProgressListener;
import latticeq.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ParallelFitsTest {

    private static List<ParallelFits.Task<FitResult>> tasks() {
        INDArray x = TrainingTest.uniform(1, 300, 4, 8, 4), y = TrainingTest.uniform(2, 300, 2);
        INDArray xv = TrainingTest.uniform(3, 40, 4, 8, 4), yv = TrainingTest.uniform(4, 40, 2);
        List<ParallelFits.Task<FitResult>> out = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            // float32 conv stack: the oneDNN path, whose OpenMP team the workers split
            ArchitectureSpec spec = ArchitectureSpec.eq(List.of(8, 8), List.of(3, 3), List.of(), 2);
            TrainingConfig cfg = PaperProtocol.PAPER.withEpochs(100, 3, 3).config(300, seed);
            out.add(() -> StudyModels.train(spec, cfg, x, y, xv, yv, ProgressListener.none()));
        }
        return out;
    }

    /** Same seeds, same bits: one worker or one per core (every training has a one-thread team). */
    @Test
    void resultsDoNotDependOnTheNumberOfWorkers() throws IOException {
        List<FitResult> one = new ParallelFits(1).run(tasks());
        int cores = Runtime.getRuntime().availableProcessors();
        List<FitResult> many = new ParallelFits(Math.min(2, cores)).run(tasks());
        assertEquals(3, many.size());
        for (int i = 0; i < 3; i++) {
            // exact: INDArray.equals would allow 1e-5
            assertArrayEquals(one.get(i).network().params().data().asFloat(), many.get(i).network().params().data().asFloat(), "task " + i);
            assertArrayEquals(one.get(i).validationLoss(), many.get(i).validationLoss());
        }
        assertNotEquals(one.get(0).network().params(), one.get(1).network().params(), "tasks have their own seeds");
    }

    @Test
    void aFailureIsRethrownAndBadWorkerCountsAreRefused() {
        List<ParallelFits.Task<Integer>> tasks = List.of(() -> 1, () -> { throw new IOException("disk full"); }, () -> 3);
        int workers = Math.min(2, Runtime.getRuntime().availableProcessors());
        IOException e = assertThrows(IOException.class, () -> new ParallelFits(workers).run(tasks));
        assertEquals("disk full", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new ParallelFits(0));
        assertTrue(bad.getMessage().startsWith("workers = 0"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ParallelFits(Runtime.getRuntime().availableProcessors() + 1));
    }
}
