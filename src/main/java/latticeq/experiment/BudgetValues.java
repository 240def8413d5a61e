package latticeq.experiment;

/**
 * Where a study reads its sizes from: a value by name, the CI or the paper one by preset unless
 * overridden. {@code latticeq.notebook.Budget} implements it (presets from {@code LATTICEQ_BUDGET},
 * overrides from {@code LATTICEQ_<NAME>}, every value recorded for {@code budget.print()}); the
 * library asks through this interface because it never depends on the notebook layer.
 */
public interface BudgetValues {
    /** The preset's name in lower case ("ci" or "paper"): searched architectures are kept per budget. */
    String name();

    int intValue(String name, int ciValue, int paperValue);

    long longValue(String name, long ciValue, long paperValue);

    double doubleValue(String name, double ciValue, double paperValue);
}
