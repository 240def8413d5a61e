package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetTest {
    @Test
    void defaultIsPaper() {
        Budget budget = Budget.fromEnvironment(Map.of());
        assertEquals(Budget.Preset.PAPER, budget.preset());
        assertEquals(100_000, budget.intValue("TRAIN_SAMPLES", 2_000, 100_000));
        assertTrue(budget.describe().startsWith("budget: paper (default"), budget.describe());
    }

    @Test
    void ciPresetPicksCiValues() {
        Budget budget = Budget.fromEnvironment(Map.of("LATTICEQ_BUDGET", "CI"));
        assertTrue(budget.isCi());
        assertEquals(2_000, budget.intValue("TRAIN_SAMPLES", 2_000, 100_000));
        assertEquals(3L, budget.longValue("SEED", 3L, 4L));
        assertEquals(0.5, budget.doubleValue("RATE", 0.5, 0.25));
    }

    @Test
    void overrideWinsAndIsReported() {
        Budget budget = Budget.fromEnvironment(Map.of("LATTICEQ_BUDGET", "ci", "LATTICEQ_TRAIN_SAMPLES", " 777 "));
        assertEquals(777, budget.intValue("TRAIN_SAMPLES", 2_000, 100_000));
        assertEquals(12, budget.intValue("EPOCHS", 12, 300));
        String text = budget.describe();
        assertTrue(text.contains("TRAIN_SAMPLES = 777   (overridden by LATTICEQ_TRAIN_SAMPLES)"), text);
        assertTrue(text.contains("EPOCHS = 12\n") || text.endsWith("EPOCHS = 12"), text);
        assertEquals(2, budget.entries().size());
    }

    @Test
    void badValuesNameTheVariable() {
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class,
                () -> Budget.fromEnvironment(Map.of("LATTICEQ_BUDGET", "huge")));
        assertTrue(preset.getMessage().contains("LATTICEQ_BUDGET = huge"), preset.getMessage());
        Budget budget = Budget.fromEnvironment(Map.of("LATTICEQ_STEPS", "ten", "LATTICEQ_RATE", "NaN"));
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> budget.intValue("STEPS", 1, 2));
        assertTrue(steps.getMessage().contains("LATTICEQ_STEPS = ten"), steps.getMessage());
        assertThrows(IllegalArgumentException.class, () -> budget.doubleValue("RATE", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> budget.intValue("lower_case", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> budget.intValue("BUDGET", 1, 2));
    }
}
