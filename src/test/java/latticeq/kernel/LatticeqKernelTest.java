package latticeq.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import latticeq.notebook.Display;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the kernel's evaluation and rendering without sockets: the same calls Jupyter's
 * execute_request, complete_request and inspect_request end in.
 */
class LatticeqKernelTest {
    private static LatticeqKernel kernel;

    @BeforeAll
    static void start() {
        // Surefire runs tests from a manifest-only jar: the real class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        kernel = new LatticeqKernel(classPath);
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    private static String text(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_PLAIN);
    }

    @Test
    void lastExpressionIsShown() throws Exception {
        DisplayData out = kernel.eval("int a = 20;\nint b = 22;\na + b");
        assertEquals("42", text(out));
    }

    @Test
    void statementsAndDeclarationsShowNothing() throws Exception {
        assertNull(kernel.eval("int unshown = 5;"));
        assertNull(kernel.eval("System.out.print(\"\");"));
        assertNull(kernel.eval("void helper() {}"));
    }

    @Test
    void definitionsSurviveBetweenCells() throws Exception {
        kernel.eval("int square(int x) { return x * x; }");
        assertEquals("49", text(kernel.eval("square(7)")));
    }

    @Test
    void libraryIsOnTheClassPathAndImported() throws Exception {
        assertTrue(kernel.evaluator().imports().contains("latticeq.lattice"));
        assertEquals("32", text(kernel.eval("new Lattice(8, 4).volume() * 1")));
    }

    @Test
    void jshellDefaultImportsArePresent() throws Exception {
        assertEquals("[1, 2]", text(kernel.eval("List<Integer> l = new ArrayList<>(List.of(1, 2));\nl")));
    }

    @Test
    void chartRendersAsPng() throws Exception {
        DisplayData out = kernel.eval("""
                var chart = Plots.xy("t", "x", "y");
                Plots.line(chart, "s", new double[] {1, 2, 3}, new double[] {1, 4, 9});
                chart""");
        String png = (String) out.getData(MIMEType.IMAGE_PNG);
        assertNotNull(png, "chart must render as image/png");
        byte[] bytes = Base64.getDecoder().decode(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertTrue(bytes.length > 2000, "a real plot, not an empty image: " + bytes.length + " bytes");
    }

    @Test
    void tablesawTableRendersAsHtml() throws Exception {
        DisplayData out = kernel.eval("Table.create(\"squares\", IntColumn.create(\"n\", 1, 2, 3), DoubleColumn.create(\"n2\", 1, 4, 9))");
        String html = (String) out.getData(MIMEType.TEXT_HTML);
        assertNotNull(html, "table must render as text/html");
        assertTrue(html.contains("<th>n2</th>") && html.contains("<td>9.0</td>") || html.contains("<td>9</td>"), html);
    }

    @Test
    void displayableRendersItsOwnBundle() throws Exception {
        DisplayData out = kernel.eval("(Displayable) () -> MimeBundle.text(\"plain\").withHtml(\"<b>rich</b>\")");
        assertEquals("<b>rich</b>", out.getData(MIMEType.TEXT_HTML));
        assertEquals("plain", text(out));
    }

    @Test
    void compileErrorNamesTheFailingLine() {
        CellException e = assertThrows(CellException.class, () -> kernel.eval("int ok = 1;\nint bad = undefinedThing + 1;\n"));
        assertTrue(String.join("\n", e.traceback()).contains("int bad = undefinedThing + 1;"), e.traceback().toString());
    }

    @Test
    void runtimeErrorNamesExceptionAndLine() {
        CellException e = assertThrows(CellException.class,
                () -> kernel.eval("int x = 1;\n\nObject o = null;\no.toString();"));
        assertEquals("java.lang.NullPointerException", e.errorName());
        assertTrue(e.getMessage().contains("(line 4)"), e.getMessage());
    }

    @Test
    void runtimeErrorInsideMethodFromEarlierCellPointsAtBothLines() throws Exception {
        kernel.eval("int fail(int n) {\n  if (n > 0) {\n    throw new IllegalArgumentException(\"n = \" + n);\n  }\n  return n;\n}");
        CellException e = assertThrows(CellException.class, () -> kernel.eval("int y = 2;\nfail(y)"));
        String trace = String.join("\n", e.traceback());
        assertEquals("java.lang.IllegalArgumentException", e.errorName());
        assertTrue(trace.contains("line 3 of an earlier cell"), trace);
        assertTrue(trace.contains("line 2 of this cell"), trace);
    }

    @Test
    void laterSnippetsDoNotRunAfterAnError() throws Exception {
        kernel.eval("int counter = 0;");
        assertThrows(CellException.class, () -> kernel.eval("counter = 1;\nthrow new RuntimeException(\"stop\");\ncounter = 2;"));
        assertEquals("1", text(kernel.eval("counter")));
    }

    @Test
    void timeMagicPrintsWallTimeAndKeepsValue() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        DisplayData out;
        try {
            out = kernel.eval("%time int t = 6 * 7;\nt");
            kernel.eval("%%time\nint u = 1;");
        } finally {
            System.setOut(original);
        }
        assertEquals("42", text(out));
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(2, printed.lines().filter(l -> l.startsWith("Wall time: ")).count(), printed);
    }

    @Test
    void interruptStopsABusyCellAndTheKernelLivesOn() throws Exception {
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            kernel.interrupt();
        });
        interrupter.start();
        CellException e = assertThrows(CellException.class, () -> kernel.eval("long spins = 0;\nwhile (true) { spins++; }"));
        interrupter.join();
        assertEquals("Interrupted", e.errorName());
        assertFalse(Thread.currentThread().isInterrupted(), "the evaluating thread (Jupyter's shell loop) must survive");
        assertEquals("3", text(kernel.eval("1 + 2")));
        kernel.interrupt(); // nothing running: no effect
        assertEquals("4", text(kernel.eval("2 + 2")));
    }

    @Test
    void unknownMagicIsAnErrorNamingIt() {
        CellException e = assertThrows(CellException.class, () -> kernel.eval("%mvn foo:bar:1"));
        assertTrue(e.getMessage().contains("%mvn") && e.getMessage().contains("unknown line magic"), e.getMessage());
        e = assertThrows(CellException.class, () -> kernel.eval("%%javascript\nalert(1)"));
        assertTrue(e.getMessage().contains("%%javascript") && e.getMessage().contains("%%html"), e.getMessage());
    }

    @Test
    void completionOffersMembers() throws Exception {
        String code = "String s = \"abc\"; s.toUpp";
        ReplacementOptions options = kernel.complete(code, code.length());
        assertTrue(options.getReplacements().stream().anyMatch(r -> r.startsWith("toUpperCase")), options.getReplacements().toString());
        assertEquals(code.length() - "toUpp".length(), options.getSourceStart());
    }

    @Test
    void inspectionGivesSignature() throws Exception {
        String code = "Math.max(";
        DisplayData doc = kernel.inspect(code, code.length(), false);
        assertNotNull(doc);
        assertTrue(text(doc).contains("max("), text(doc));
    }

    @Test
    void isCompleteDistinguishesOpenBlocks() {
        assertEquals("complete", kernel.evaluator().completeness("int z = 3;"));
        assertEquals("incomplete", kernel.evaluator().completeness("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void notebookLayerSeesTheKernelSink() throws Exception {
        assertTrue(Display.inNotebook());
        assertEquals("true", text(kernel.eval("Display.inNotebook()")));
    }

    @Test
    void formatErrorStartsWithTheErrorLine() {
        CellException e = assertThrows(CellException.class, () -> kernel.eval("int q = \"text\";"));
        List<String> lines = kernel.formatError(e);
        assertFalse(lines.isEmpty());
        assertTrue(lines.get(0).contains("compile error at line 1"), lines.get(0));
    }
}
