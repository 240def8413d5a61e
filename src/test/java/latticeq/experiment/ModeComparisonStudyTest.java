package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import latticeq.dynamics.ModeComparison;
import org.junit.jupiter.api.Test;

class ModeComparisonStudyTest {

    /** The presets of one budget, with overrides by name. */
    private record Values(boolean paper, Map<String, Number> overrides) implements BudgetValues {
        public String name() {
            return paper ? "paper" : "ci";
        }

        public int intValue(String n, int ci, int p) {
            return overrides.containsKey(n) ? overrides.get(n).intValue() : paper ? p : ci;
        }

        public long longValue(String n, long ci, long p) {
            return overrides.containsKey(n) ? overrides.get(n).longValue() : paper ? p : ci;
        }

        public double doubleValue(String n, double ci, double p) {
            return overrides.containsKey(n) ? overrides.get(n).doubleValue() : paper ? p : ci;
        }
    }

    @Test
    void readsThePresetsAndOverridesAndTheImageRunsCarryTheReference() {
        var ci = ModeComparisonStudy.fromBudget(new Values(false, Map.of()));
        var paper = ModeComparisonStudy.fromBudget(new Values(true, Map.of("P13_SEEDS", 3, "P13_IMG_LR", 0.002)));
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
        var e = assertThrows(IllegalArgumentException.class, () -> ModeComparisonStudy.fromBudget(new Values(false, bad)));
        assertTrue(e.getMessage().contains("imageEpochs = 0"), e.getMessage());
        var r = assertThrows(IllegalArgumentException.class, () -> ModeComparisonStudy.fromBudget(new Values(false, Map.of("P13_LR", -1.0))));
        assertTrue(r.getMessage().contains("latticeRate = -1.0"), r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModeComparisonStudy.fromBudget(new Values(false, Map.of("P13_SEEDS", 0))));
    }
}
