package latticeq.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates Java source the way a notebook cell needs it: split into JShell snippets, run them in
 * this JVM one by one, stop at the first error (reported with the cell's line number), and keep
 * the object of a final expression.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** Packages imported at start when they are on the class path (library packages may be absent). */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            // what the jshell tool imports by default (the JShell API imports nothing)
            "java.io", "java.math", "java.net", "java.nio.file", "java.util", "java.util.concurrent",
            "java.util.function", "java.util.regex", "java.util.stream",
            "latticeq.lattice", "latticeq.phi4", "latticeq.data", "latticeq.symmetry", "latticeq.nn",
            "latticeq.train", "latticeq.progress", "latticeq.notebook",
            "org.knowm.xchart", "tech.tablesaw.api");

    /**
     * Static imports at start (when on the class path): IJava's notebook functions
     * {@code display(obj)} and {@code updateDisplay(id, obj)} without a class name.
     */
    public static final List<String> STATIC_IMPORTS = List.of(
            "latticeq.notebook.Display.display", "latticeq.notebook.Display.updateDisplay");

    /** The value of a cell: present only when the cell ends with an expression that has a value. */
    public record CellValue(boolean present, Object value) {
        static final CellValue NONE = new CellValue(false, null);
    }

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final ResultKeepingExecutionControl control = new ResultKeepingExecutionControl();
    /** Snippet id to (cell number, first line of the snippet in its cell, source), for error lines. */
    private final Map<String, SnippetOrigin> origins = new HashMap<>();
    private final List<String> imports = new ArrayList<>();
    private int cellNumber;

    private record SnippetOrigin(int cell, int firstLine, String cellSource) {}

    /** @param classPath the class path the cells compile against (the kernel's own class path) */
    public JShellEvaluator(String classPath) {
        this.shell = JShell.builder()
                .executionEngine(new ResultKeepingExecutionControl.Provider(control), Map.of())
                .build();
        // Through addToClasspath, not a --class-path compiler option: that option would be
        // passed again with every compilation and drop what %maven and %jars add later.
        shell.addToClasspath(classPath);
        this.analysis = shell.sourceCodeAnalysis();
        List<String> sources = new ArrayList<>();
        DEFAULT_IMPORTS.forEach(pkg -> sources.add("import " + pkg + ".*;"));
        STATIC_IMPORTS.forEach(member -> sources.add("import static " + member + ";"));
        for (String source : sources) {
            String pkg = source.substring("import ".length(), source.length() - 1).replace(".*", "");
            List<SnippetEvent> events = shell.eval(source);
            boolean ok = !events.isEmpty() && events.get(0).status().isDefined();
            if (ok) {
                imports.add(pkg);
            } else {
                events.forEach(e -> shell.drop(e.snippet()));
            }
        }
    }

    /**
     * Adds a jar or class directory to what cells compile against and load from (JShell's
     * compiler and the direct engine's class loader); classes in it are importable from the
     * next snippet on.
     */
    public synchronized void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** The packages (and "static member"s) imported at start (those found on the class path). */
    public List<String> imports() {
        return List.copyOf(imports);
    }

    /**
     * Runs a cell.
     *
     * @param code        the Java source
     * @param lineOffset  lines of the notebook cell before {@code code} (for error line numbers)
     * @param cellSource  the whole cell, to quote the failing line
     */
    public synchronized CellValue eval(String code, int lineOffset, String cellSource) throws CellException {
        int cell = ++cellNumber;
        String remaining = code;
        int consumed = 0;
        CellValue last = CellValue.NONE;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String rest = info.remaining();
            String chunk = remaining.substring(0, remaining.length() - rest.length());
            // Leading blank lines are cut so that line 1 of what JShell sees is a line of code:
            // diagnostics and stack traces then count lines from a known line of the cell.
            String source = info.source() == null ? "" : info.source();
            int lead = 0;
            while (lead < source.length() && Character.isWhitespace(source.charAt(lead))) {
                lead++;
            }
            source = source.substring(lead);
            int start = consumed + snippetStartIn(chunk, info.source() == null ? "" : info.source()) + lead;
            int firstLine = lineOffset + lineOf(code, start);
            if (!info.completeness().isComplete()) {
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break;
                }
                throw compileError("incomplete code (a missing ';', ')' or '}'?)", firstLine, cellSource);
            }
            last = evalSnippet(source, cell, firstLine, cellSource);
            consumed += chunk.length();
            remaining = rest;
        }
        return last;
    }

    private CellValue evalSnippet(String source, int cell, int firstLine, String cellSource) throws CellException {
        control.clearLastValue();
        List<SnippetEvent> events = shell.eval(source);
        CellValue value = CellValue.NONE;
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() != null) {
                continue; // an update of an earlier snippet caused by this one
            }
            origins.put(snippet.id(), new SnippetOrigin(cell, firstLine, cellSource));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(snippet, firstLine, cellSource);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception(), cellSource);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> missing = snippet instanceof DeclarationSnippet d
                        ? shell.unresolvedDependencies(d).collect(Collectors.toList()) : List.of();
                throw compileError("cannot find symbol " + String.join(", ", missing), firstLine, cellSource);
            }
            if (producesValue(snippet) && control.hasLastValue()) {
                value = new CellValue(true, control.lastValue());
            }
        }
        return value;
    }

    /** Expressions show their value; declarations and statements do not (as in IJava). */
    private static boolean producesValue(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, ASSIGNMENT_SUBKIND -> true;
            default -> false;
        };
    }

    private CellException compileError(Snippet snippet, int firstLine, String cellSource) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            return compileError("rejected by the compiler", firstLine, cellSource);
        }
        Diag first = diags.get(0);
        int line = firstLine - 1 + lineOf(snippet.source(), (int) Math.max(0, first.getStartPosition()));
        List<String> trace = new ArrayList<>();
        for (Diag diag : diags) {
            int l = firstLine - 1 + lineOf(snippet.source(), (int) Math.max(0, diag.getStartPosition()));
            trace.add("compile error at line " + l + ": " + diag.getMessage(Locale.ROOT));
            trace.add(quote(cellSource, l));
        }
        return new CellException("CompileError", "line " + line + ": " + first.getMessage(Locale.ROOT), trace);
    }

    private CellException compileError(String message, int line, String cellSource) {
        return new CellException("CompileError", "line " + line + ": " + message,
                List.of("compile error at line " + line + ": " + message, quote(cellSource, line)));
    }

    private CellException runtimeError(JShellException exception, String cellSource) {
        List<String> trace = new ArrayList<>();
        String name;
        String message;
        if (exception instanceof EvalException eval && "java.lang.ThreadDeath".equals(eval.getExceptionClassName())) {
            name = "Interrupted";
            message = "the cell was interrupted";
        } else if (exception instanceof EvalException eval) {
            name = eval.getExceptionClassName();
            message = eval.getMessage() == null ? "" : eval.getMessage();
        } else if (exception instanceof UnresolvedReferenceException unresolved) {
            name = "UnresolvedReference";
            message = "uses " + unresolved.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " which refers to something not defined: "
                    + shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
        } else {
            name = exception.getClass().getName();
            message = String.valueOf(exception.getMessage());
        }
        trace.add(name + ": " + message);
        Integer failingLine = null;
        Throwable t = exception;
        boolean top = true;
        while (t != null) {
            if (!top) {
                String causeName = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
                trace.add("Caused by: " + causeName + ": " + t.getMessage());
            }
            for (StackTraceElement element : t.getStackTrace()) {
                String file = element.getFileName();
                if (file != null && file.startsWith("#")) {
                    SnippetOrigin origin = origins.get(file.substring(1));
                    if (origin == null) {
                        trace.add("    at snippet " + file + " line " + element.getLineNumber());
                        continue;
                    }
                    int line = origin.firstLine() + element.getLineNumber() - 1;
                    boolean thisCell = origin.cell() == cellNumber;
                    trace.add("    at " + (thisCell ? "line " + line + " of this cell" : "line " + line + " of an earlier cell")
                            + ": " + quote(origin.cellSource(), line).strip());
                    if (top && thisCell && failingLine == null) {
                        failingLine = line;
                    }
                } else if (!isJShellInternal(element)) {
                    trace.add("    at " + element);
                }
            }
            t = t.getCause();
            top = false;
        }
        String where = failingLine == null ? "" : " (line " + failingLine + ")";
        return new CellException(name, message + where, RepeatedFrames.collapse(trace));
    }

    private static boolean isJShellInternal(StackTraceElement element) {
        String c = element.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.Method")
                || c.startsWith("latticeq.kernel.") || c.startsWith("io.github.spencerpark.") || c.startsWith("java.lang.Thread");
    }

    /** The code of line {@code line} (1-based) of {@code source}, with its number. */
    static String quote(String source, int line) {
        String[] lines = source.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return "";
        }
        return String.format(Locale.ROOT, "%4d | %s", line, lines[line - 1]);
    }

    /** 0-based line of character {@code index} in {@code text}, as a 1-based line number. */
    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Where JShell's {@code source} starts inside the raw {@code chunk}: the offset such that
     * positions in the source (diagnostics, stack-trace lines) map to positions in the cell.
     */
    private static int snippetStartIn(String chunk, String source) {
        String probe = source.strip();
        if (probe.endsWith(";")) {
            probe = probe.substring(0, probe.length() - 1);
        }
        probe = probe.substring(0, Math.min(probe.length(), 24));
        int inChunk = probe.isEmpty() ? -1 : chunk.indexOf(probe);
        int inSource = probe.isEmpty() ? -1 : source.indexOf(probe);
        if (inChunk >= 0 && inSource >= 0) {
            return Math.max(0, inChunk - inSource);
        }
        return 0;
    }

    /** Completions at {@code cursor}: the texts and the start of the range they replace. */
    public synchronized Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> texts = analysis.completionSuggestions(code, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
        return new Completions(texts, anchor[0], cursor);
    }

    /** Completion texts replacing {@code code[start, end)}. */
    public record Completions(List<String> texts, int start, int end) {}

    /** Signatures (and javadoc when the JDK has it) of what is at {@code cursor}; empty if nothing. */
    public synchronized List<String> inspect(String code, int cursor) {
        return analysis.documentation(code, cursor, true).stream()
                .map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.toList());
    }

    /** "complete", "incomplete" or "invalid", for the front end's is_complete request. */
    public synchronized String completeness(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return "incomplete";
                case UNKNOWN:
                    return "invalid";
                case EMPTY:
                    return "complete";
                default:
                    break;
            }
            remaining = info.remaining();
        }
        return "complete";
    }

    /** Stops the snippet running now (a Jupyter interrupt); false when none runs. */
    public boolean interrupt() {
        return control.stopUserCode();
    }

    @Override
    public void close() {
        shell.close();
    }
}
