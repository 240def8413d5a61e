package latticeq.kernel;

import io.github.spencerpark.jupyter.channels.JupyterInputStream;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import latticeq.Version;
import latticeq.notebook.ChartFormat;
import latticeq.notebook.Display;
import latticeq.notebook.DisplaySink;
import latticeq.notebook.Displayable;
import latticeq.notebook.MimeBundle;
import latticeq.notebook.Renderers;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The latticeq Jupyter kernel: Java cells evaluated by JShell in this JVM, with the latticeq
 * library and its dependencies on the class path, magics ({@link KernelMagics}), XChart charts
 * shown as PNG or SVG, Tablesaw tables as HTML, {@link Displayable}s as they choose, the notebook
 * layer's displays (progress bars, {@code display}/{@code updateDisplay}) wired to Jupyter's
 * display_data / update_display_data, and {@code System.in} reading from the front end.
 */
public final class LatticeqKernel extends BaseKernel {
    private final JShellEvaluator evaluator;
    private final LanguageInfo languageInfo = new LanguageInfo("java", Runtime.version().toString(),
            "text/x-java-source", ".jshell", "java", "java", "script");

    private final KernelMagics.MavenResolverHolder maven = new KernelMagics.MavenResolverHolder();
    private final KernelMagics magics;
    private final NotebookStdin stdin;

    /** @param classPath what cells compile against: the kernel JVM's own class path */
    public LatticeqKernel(String classPath) {
        this.evaluator = new JShellEvaluator(classPath);
        UserClassPath userClassPath = new UserClassPath(evaluator::addToClasspath,
                new ClassPathConflicts(ClassLoader.getSystemClassLoader()));
        this.magics = new KernelMagics(maven, userClassPath, Path.of("").toAbsolutePath(), source -> run(source));
        JupyterInputStream in = (JupyterInputStream) getIO().in;
        this.stdin = new NotebookStdin(in, in::isAttached, in::isEnabled);
        registerRenderers(getRenderer());
        Display.install(new KernelDisplaySink());
        try {
            Renderers.setChartFormat(ChartFormat.fromEnvironment());
        } catch (IllegalArgumentException e) {
            System.err.println("latticeq kernel: " + e.getMessage() + "; charts are shown as png");
        }
    }

    /** XChart, Tablesaw and latticeq display types, rendered through the notebook layer. */
    static void registerRenderers(Renderer renderer) {
        register(renderer, Chart.class, MimeBundle.PNG);
        register(renderer, Table.class, MimeBundle.HTML);
        register(renderer, Displayable.class, MimeBundle.HTML);
        register(renderer, MimeBundle.class, MimeBundle.HTML);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void register(Renderer renderer, Class<?> type, String preferred) {
        renderer.createRegistration((Class) type)
                .preferring(preferred)
                .supporting(MimeBundle.TEXT, MimeBundle.HTML, MimeBundle.PNG, MimeBundle.SVG)
                .register((value, context) -> toDisplayData(Renderers.render(value), context.getOutputContainer()));
    }

    static DisplayData toDisplayData(MimeBundle bundle, DisplayData target) {
        bundle.data().forEach((mime, value) -> target.putData(MIMEType.parse(mime), value));
        return target;
    }

    public JShellEvaluator evaluator() {
        return evaluator;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "latticeq " + Version.get() + " on Java " + Runtime.version() + " (JShell, library preloaded)";
    }

    /** Runs a cell; returns what the last expression shows, or null when it shows nothing. */
    @Override
    public DisplayData eval(String cell) throws Exception {
        // The base kernel has just made System.in its own stream; ours says why input fails.
        InputStream previousIn = System.in;
        System.setIn(stdin);
        // Its System.out / System.err send one message per line; ours pass lines on in chunks.
        PrintStream cellOut = System.out, cellErr = System.err;
        CoalescingOutputStream out = new CoalescingOutputStream(cellOut, OUTPUT_CHUNK_BYTES, OUTPUT_PERIOD_MILLIS);
        CoalescingOutputStream err = new CoalescingOutputStream(cellErr, OUTPUT_CHUNK_BYTES, OUTPUT_PERIOD_MILLIS);
        coalescing = new CoalescingOutputStream[] {out, err};
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        if (lateOutput != null) {
            System.out.print(lateOutput[0].takeWithHeader());
            System.err.print(lateOutput[1].takeWithHeader());
        }
        JShellEvaluator.CellValue last;
        ExitTrap.cellStarts();
        try {
            last = run(cell);
        } finally {
            ExitTrap.cellEnds();
            System.setIn(previousIn);
            // everything printed reaches the front end before the reply (and the idle status)
            coalescing = null;
            System.out.flush();
            System.err.flush();
            out.close();
            err.close();
            System.setOut(cellOut);
            System.setErr(cellErr);
            // An interrupt (Thread.stop) also sets the thread's interrupt flag; this thread is the
            // base kernel's shell loop, which ends when it sees the flag in its next sleep.
            Thread.interrupted();
        }
        System.out.flush();
        System.err.flush();
        return last.present() ? getRenderer().render(last.value()) : null;
    }

    private BetweenCellsOutput[] lateOutput;

    /** Shows at the start of each cell what background threads printed while no cell ran (stdout, stderr). */
    void showLateOutputFrom(BetweenCellsOutput[] streams) {
        this.lateOutput = streams.clone();
    }

    /** Bytes and milliseconds after which a cell's waiting output is passed on (IPython: 50 ms). */
    static final int OUTPUT_CHUNK_BYTES = 8192;
    static final long OUTPUT_PERIOD_MILLIS = 50;

    /** The running cell's coalescing stdout and stderr (null between cells): drained before a display, to keep the order. */
    private volatile CoalescingOutputStream[] coalescing;

    private void drainOutput() {
        CoalescingOutputStream[] c = coalescing;
        if (c == null) return;
        for (CoalescingOutputStream s : c) {
            try {
                s.drain();
            } catch (java.io.IOException e) {
                // the cell's stream is gone; the display still goes out
            }
        }
    }

    /** Runs one cell's code and magics (also what %load runs); returns the last expression's value. */
    private JShellEvaluator.CellValue run(String cell) throws Exception {
        CellMagics.Parsed parsed = CellMagics.parse(cell);
        if (parsed.cellMagic() != null) {
            magics.runCell(parsed.cellMagic(), cell);
            return JShellEvaluator.CellValue.NONE;
        }
        long cellStart = System.nanoTime();
        JShellEvaluator.CellValue last = JShellEvaluator.CellValue.NONE;
        try {
            for (CellMagics.Part part : parsed.parts()) {
                if (part instanceof CellMagics.LineMagic magic) {
                    magics.runLine(magic, cell);
                    last = JShellEvaluator.CellValue.NONE;
                    continue;
                }
                CellMagics.Code code = (CellMagics.Code) part;
                long start = System.nanoTime();
                try {
                    last = evaluator.eval(code.code(), code.firstLine() - 1, cell);
                } finally {
                    if (code.timed()) {
                        System.out.println(CellMagics.wallTime(System.nanoTime() - start));
                    }
                }
            }
        } finally {
            if (parsed.timeWholeCell()) {
                System.out.println(CellMagics.wallTime(System.nanoTime() - cellStart));
            }
        }
        return last;
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellException cellException) {
            List<String> lines = new ArrayList<>();
            List<String> trace = cellException.traceback();
            for (int i = 0; i < trace.size(); i++) {
                lines.add(i == 0 ? errorStyler.secondary(trace.get(i)) : trace.get(i));
            }
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellEvaluator.Completions completions = evaluator.complete(code, at);
        return new ReplacementOptions(completions.texts(), completions.start(), completions.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<String> docs = evaluator.inspect(code, at);
        return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
    }

    @Override
    public String isComplete(String code) {
        return switch (evaluator.completeness(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> "    ";
        };
    }

    /** Jupyter's interrupt (SIGINT, see KernelMain): stops the running cell, keeps the kernel. */
    @Override
    public void interrupt() {
        if (!evaluator.interrupt()) {
            magics.interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Display.install(null);
        maven.close();
        evaluator.close();
    }

    /** Sends notebook-layer displays to the current cell's output. */
    private final class KernelDisplaySink implements DisplaySink {
        @Override
        public void display(MimeBundle bundle, String displayId) {
            drainOutput();
            DisplayData data = toDisplayData(bundle, new DisplayData());
            if (displayId != null) {
                data.setDisplayId(displayId);
            }
            if (getIO().display.isAttached()) {
                getIO().display.display(data);
            } else {
                System.out.println(bundle.plainText()); // no cell running: keep the text somewhere
            }
        }

        @Override
        public void update(MimeBundle bundle, String displayId) {
            drainOutput();
            if (getIO().display.isAttached()) {
                getIO().display.updateDisplay(displayId, toDisplayData(bundle, new DisplayData()));
            }
        }
    }
}
