package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import latticeq.nn.Family;
import latticeq.progress.ProgressListener;
import latticeq.train.Optimizer;
import latticeq.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class PaperProtocolTest {
    @Test
    void thePapersRecipeInOnePlace() {
        PaperProtocol p = PaperProtocol.PAPER;
        assertEquals(new TrainingConfig(Optimizer.ADAMW_AMSGRAD, 1e-2, 50, 0.0, 1_000, 25, 7L, DataType.FLOAT, 100), p.config(499, 7L));
        assertEquals(100, p.config(500, 7L).batchSize());
        assertEquals(p.config(2_000, 9L), p.configForRun(2_000, 2));
        assertEquals(List.of(50, 200, 2_000, 20_000), p.trainingSizes());
        assertEquals(3, p.runs());
        assertEquals(50, p.validationSize(500, 2_000));
        assertEquals(10, p.validationSize(50, 2_000));
        assertEquals(7, p.validationSize(500, 7));
        assertEquals(3, p.validationShare(21));   // rounded up, in integers
        assertEquals(List.of(50, 200, 400), p.trainingSizesFor(400));
        assertEquals(List.of(50, 200, 2_000, 20_000), p.trainingSizesFor(20_000));
    }

    @Test
    void ciIsAScaledCopyAndTheBudgetOverridesSingleValues() {
        assertEquals(PaperProtocol.PAPER.withRuns(1).withEpochs(100, 4, 25), PaperProtocol.CI);
        assertEquals(4, PaperProtocol.CI.config(50, 1).minEpochs());   // at least 100 epochs, lowered to the bound
        assertEquals(PaperProtocol.CI, PaperProtocol.fromBudget(new FakeBudget(false, Map.of())));
        assertEquals(PaperProtocol.PAPER, PaperProtocol.fromBudget(new FakeBudget(true, Map.of())));
        FakeBudget b = new FakeBudget(true, Map.of("PATIENCE", 5, "RUNS", 2));
        PaperProtocol p = PaperProtocol.fromBudget(b);
        assertEquals(5, p.config(50, 1).patience());
        assertEquals(2, p.runs());
        assertEquals(List.of("RUNS", "MAX_EPOCHS", "PATIENCE", "TRAIN_SEED"), b.asked());
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> PaperProtocol.PAPER.withRuns(0));
        assertTrue(e.getMessage().startsWith("runs = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PaperProtocol.PAPER.configForRun(50, -1));
        assertTrue(e.getMessage().startsWith("run = -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PaperProtocol.PAPER.withEpochs(100, 0, 25));
        assertTrue(e.getMessage().startsWith("maxEpochs = 0"), e.getMessage());
    }

    @Test
    void theSeed1StudyReadsItsPresetsFromTheBudget(@TempDir Path dir) throws Exception {
        FakeBudget b = new FakeBudget(false, Map.of("FIT_WORKERS", 1));
        List<String> loads = new ArrayList<>();
        Seed1Study study = Seed1Study.fromBudget(b, dir, label -> {
            loads.add(label);
            return ProgressListener.none();
        });
        assertEquals(StudyPlan.fromBudget(new FakeBudget(false, Map.of())), study.plan());
        assertEquals(PaperProtocol.CI, study.protocol());
        assertEquals(1, study.fitWorkers());
        assertEquals(List.of("TRAIN_PER_MU", "TEST_PER_MU", "THERM_SWEEPS", "DECORRELATION_SWEEPS", "DATA_SEED",
                "RUNS", "MAX_EPOCHS", "PATIENCE", "TRAIN_SEED", "FIT_WORKERS"), b.asked());
        assertEquals(dir.resolve("architectures").resolve("ci"), study.architectureStore().file(Family.EQ).getParent());
        // nothing saved by a search: every family's default, and the table says so
        assertEquals(ArchitectureSearch.defaultSpec(Family.ST, StudyPlan.TRAIN_LATTICE), study.architectures().get(Family.ST));
        assertTrue(study.architectureRows().stream().allMatch(r -> r.source().equals("default")));
        assertEquals("60x4", study.architectureRows().get(2).lattice());
        var e = assertThrows(IllegalArgumentException.class, () -> new Seed1Study(study.plan(), study.protocol(), dir, "ci", 0, l -> ProgressListener.none()));
        assertTrue(e.getMessage().startsWith("fitWorkers = 0"), e.getMessage());
    }
}
