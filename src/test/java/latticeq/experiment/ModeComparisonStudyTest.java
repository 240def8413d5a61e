package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import latticeq.dynamics.ModeComparison;
import org.junit.jupiter.api.Test;

class ModeComparisonStudyTest {

    @Test
    void readsThePresetsAndOverridesAndTheImageRunsCarryTheReference() {
        var ci = ModeComparisonStudy.fromBudget(new FakeBudget(false, Map.of()));
        var paper = ModeComparisonStudy.fromBudget(new FakeBudget(true, Map.of("P13_SEEDS", 3, "P13_IMG_LR", 0.002)));
        assertEquals(List.of(300L), ci.seeds());
        assertEquals(List.of(300L, 301L, 302L), paper.seeds());
        assertEquals(0.002, paper.imageRate());
        assertTrue(paper.imageTrain() > ci.imageTrain() && paper.imageEpochs() > ci.imageEpochs());
        assertTrue(paper.imageConfig().plainReference());
        assertFalse(paper.latticeConfig().plainReference());
        assertEquals(paper.imageEpochs(), paper.imageConfig().epochs());
        assertEquals(3, paper.latticeConfig().variants().size());
    }

    @Test
    void rejectsBadSizes() {
        Map<String, Number> bad = new HashMap<>();
        bad.put("P13_IMG_EPOCHS", 0);
        var e = assertThrows(IllegalArgumentException.class, () -> ModeComparisonStudy.fromBudget(new FakeBudget(false, bad)));
        assertTrue(e.getMessage().contains("imageEpochs = 0"), e.getMessage());
        var r = assertThrows(IllegalArgumentException.class, () -> ModeComparisonStudy.fromBudget(new FakeBudget(false, Map.of("P13_LR", -1.0))));
        assertTrue(r.getMessage().contains("latticeRate = -1.0"), r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModeComparisonStudy.fromBudget(new FakeBudget(false, Map.of("P13_SEEDS", 0))));
    }
}
