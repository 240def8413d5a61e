package latticeq.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import latticeq.experiment.BudgetValues;

/**
 * How big a notebook's computations are: a preset chosen by {@code LATTICEQ_BUDGET=ci|paper}
 * (default paper) and single numbers overridden by {@code LATTICEQ_<NAME>} variables.
 *
 * <pre>{@code
 * Budget budget = Budget.current();
 * int samples = budget.intValue("TRAIN_SAMPLES", 2_000, 100_000);
 * budget.print();   // which preset ran, and every value with where it came from
 * }</pre>
 */
public final class Budget implements BudgetValues {
    /** The environment variable choosing the preset. */
    public static final String PRESET_VARIABLE = "LATTICEQ_BUDGET";
    /** Prefix of the variables overriding single values. */
    public static final String OVERRIDE_PREFIX = "LATTICEQ_";

    /** The two presets: small enough for CI, or the scale of the papers. */
    public enum Preset { CI, PAPER }

    /** One value a notebook asked for, and where it came from. */
    public record Entry(String name, String value, boolean overridden) {}

    private final Preset preset;
    private final boolean presetFromEnvironment;
    private final Map<String, String> environment;
    private final List<Entry> used = new ArrayList<>();

    private Budget(Preset preset, boolean presetFromEnvironment, Map<String, String> environment) {
        this.preset = preset;
        this.presetFromEnvironment = presetFromEnvironment;
        this.environment = environment;
    }

    /** The budget of this process, from {@link System#getenv()}. */
    public static Budget current() {
        return fromEnvironment(System.getenv());
    }

    /** A budget from an explicit environment (tests, or a notebook that wants to pin one). */
    public static Budget fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String raw = environment.get(PRESET_VARIABLE);
        if (raw == null || raw.isBlank()) {
            return new Budget(Preset.PAPER, false, Map.copyOf(environment));
        }
        Preset preset = switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "ci" -> Preset.CI;
            case "paper" -> Preset.PAPER;
            default -> throw new IllegalArgumentException(PRESET_VARIABLE + " = " + raw
                    + " is not a budget: need ci or paper");
        };
        return new Budget(preset, true, Map.copyOf(environment));
    }

    public Preset preset() {
        return preset;
    }

    public boolean isCi() {
        return preset == Preset.CI;
    }

    /** The preset's name in lower case, as written in {@code LATTICEQ_BUDGET}. */
    @Override
    public String name() {
        return preset.name().toLowerCase(Locale.ROOT);
    }

    /** {@code ciValue} or {@code paperValue} by preset, unless {@code LATTICEQ_<name>} overrides it. */
    @Override
    public int intValue(String name, int ciValue, int paperValue) {
        return value(name, ciValue, paperValue, text -> Integer.parseInt(text.trim()),
                "an integer: need a value in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
    }

    @Override
    public long longValue(String name, long ciValue, long paperValue) {
        return value(name, ciValue, paperValue, text -> Long.parseLong(text.trim()),
                "an integer: need a value in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]");
    }

    @Override
    public double doubleValue(String name, double ciValue, double paperValue) {
        return value(name, ciValue, paperValue, text -> {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(OVERRIDE_PREFIX + name + " = " + text
                        + " is not finite: need a finite decimal number");
            }
            return value;
        }, "a number: need a finite decimal number");
    }

    /**
     * The value by preset or override, recorded for {@link #describe()}. {@code parse} gets the raw
     * override and throws NumberFormatException when it is not of the type; {@code expected} ends
     * that error message ("is not " + expected).
     */
    private synchronized <T> T value(String name, T ciValue, T paperValue, Function<String, T> parse, String expected) {
        String override = override(name);
        T value;
        if (override == null) {
            value = isCi() ? ciValue : paperValue;
        } else {
            try {
                value = parse.apply(override);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(OVERRIDE_PREFIX + name + " = " + override + " is not " + expected);
            }
        }
        record(name, value.toString(), override != null);
        return value;
    }

    /** Every value asked for so far, in order. */
    public synchronized List<Entry> entries() {
        return List.copyOf(used);
    }

    /** One paragraph saying which budget ran and with which values. */
    public synchronized String describe() {
        StringBuilder text = new StringBuilder("budget: ").append(name())
                .append(presetFromEnvironment ? " (from " + PRESET_VARIABLE + ")" : " (default; set " + PRESET_VARIABLE + "=ci for a quick run)");
        for (Entry entry : used) {
            text.append("\n  ").append(entry.name()).append(" = ").append(entry.value())
                    .append(entry.overridden() ? "   (overridden by " + OVERRIDE_PREFIX + entry.name() + ")" : "");
        }
        return text.toString();
    }

    /** Prints {@link #describe()} on stdout. */
    public void print() {
        System.out.println(describe());
    }

    private String override(String name) {
        if (name == null || !name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("budget value name = " + name
                    + " is not valid: need upper case letters, digits and underscores, starting with a letter");
        }
        if (name.equals("BUDGET")) {
            throw new IllegalArgumentException("budget value name = BUDGET is reserved for the preset: choose another name");
        }
        String value = environment.get(OVERRIDE_PREFIX + name);
        return value == null || value.isBlank() ? null : value;
    }

    private void record(String name, String value, boolean overridden) {
        used.removeIf(e -> e.name().equals(name));
        used.add(new Entry(name, value, overridden));
    }
}
