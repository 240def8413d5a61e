package latticeq.notebook;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checkable statements of a notebook, printed one per line so that a person and
 * {@code environment/run-notebooks.sh} can both read them:
 *
 * <pre>
 * CLAIM PASS  equivariance error below 1e-5 | max error 3.1e-7
 * CLAIM FAIL  ...
 * CLAIM UNJUDGED  EQ beats FL on test loss | budget ci is too small to judge; ...
 * </pre>
 *
 * <p>{@link #check} always judges (exact statements: symmetry errors, sums); {@link #checkAtScale}
 * judges only at the paper budget: statistical statements about small CI runs are reported but
 * neither pass nor fail.
 */
public final class Claims {
    public enum Verdict { PASS, FAIL, UNJUDGED }

    /** One judged (or not judged) claim. */
    public record Result(String name, Verdict verdict, String detail) {
        /** The printed line, e.g. {@code CLAIM PASS  name | detail}. */
        public String line() {
            return "CLAIM " + verdict + "  " + name + (detail == null || detail.isEmpty() ? "" : " | " + detail);
        }
    }

    private final Budget budget;
    private final PrintStream out;
    private final List<Result> results = new ArrayList<>();

    private Claims(Budget budget, PrintStream out) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.out = out; // null: System.out at each call
    }

    /** Claims judged against {@code budget}, printed on {@code System.out} as it is at each call. */
    public static Claims forBudget(Budget budget) {
        return new Claims(budget, null);
    }

    /** Claims printed on {@code out} (tests). */
    public static Claims printingTo(Budget budget, PrintStream out) {
        return new Claims(budget, Objects.requireNonNull(out, "out"));
    }

    /** Judges a claim whatever the budget. */
    public synchronized Result check(String name, boolean holds, String detail) {
        return add(new Result(checkName(name), holds ? Verdict.PASS : Verdict.FAIL, detail));
    }

    /** Judges a statistical claim at the paper budget; at the CI budget a failure is UNJUDGED. */
    public synchronized Result checkAtScale(String name, boolean holds, String detail) {
        if (holds || !budget.isCi()) {
            return check(name, holds, detail);
        }
        String why = "budget " + budget.name() + " is too small to judge" + (detail == null || detail.isEmpty() ? "" : "; " + detail);
        return add(new Result(checkName(name), Verdict.UNJUDGED, why));
    }

    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    public synchronized long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** e.g. {@code claims: 3 pass, 0 fail, 1 unjudged (budget ci)} */
    public synchronized String summary() {
        return "claims: " + count(Verdict.PASS) + " pass, " + count(Verdict.FAIL) + " fail, "
                + count(Verdict.UNJUDGED) + " unjudged (budget " + budget.name() + ")";
    }

    private Result add(Result result) {
        results.add(result);
        target().println(result.line());
        return result;
    }

    private PrintStream target() {
        // System.out is looked up per call: the kernel swaps it for each cell's stream.
        return out != null ? out : System.out;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.contains("\n") || name.contains("|")) {
            throw new IllegalArgumentException("claim name = " + name + " is not valid: need one non-blank line without '|'");
        }
        return name;
    }
}
