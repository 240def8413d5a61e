package latticeq.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A budget at one preset with some values overridden (as LATTICEQ_&lt;NAME&gt; does), recording the
 * names asked for in order (as the notebook's Budget prints them): the study presets' tests read
 * their budgets through it.
 */
public record FakeBudget(boolean paper, Map<String, ? extends Number> overrides, List<String> asked) implements BudgetValues {

    public FakeBudget(boolean paper, Map<String, ? extends Number> overrides) {
        this(paper, overrides, new ArrayList<>());
    }

    @Override
    public String name() {
        return paper ? "paper" : "ci";
    }

    @Override
    public int intValue(String name, int ciValue, int paperValue) {
        asked.add(name);
        return overrides.containsKey(name) ? overrides.get(name).intValue() : paper ? paperValue : ciValue;
    }

    @Override
    public long longValue(String name, long ciValue, long paperValue) {
        asked.add(name);
        return overrides.containsKey(name) ? overrides.get(name).longValue() : paper ? paperValue : ciValue;
    }

    @Override
    public double doubleValue(String name, double ciValue, double paperValue) {
        asked.add(name);
        return overrides.containsKey(name) ? overrides.get(name).doubleValue() : paper ? paperValue : ciValue;
    }
}
