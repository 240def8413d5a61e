package latticeq.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Scanner;
import latticeq.notebook.ChartFormat;
import latticeq.notebook.Renderers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The magics through the kernel's eval, as Jupyter's execute_request reaches them: Maven
 * resolution from a file repository this test writes (into a local repository in a temporary
 * folder, never ~/.m2), jars and class directories, %load, %display, shell, errors.
 */
class KernelMagicsTest {
    @TempDir
    static Path temp;
    private static LatticeqKernel kernel;
    private static FileMavenRepository repo;
    private static Path greetingJar;
    private static Path classesDir;
    private static String previousRepoLocal;

    @BeforeAll
    static void start() throws Exception {
        previousRepoLocal = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", temp.resolve("local-repo").toString());
        repo = new FileMavenRepository(temp.resolve("remote"), Files.createDirectories(temp.resolve("work")));
        Path words = repo.jar("words", Map.of("demo.words.Words", "package demo.words; public class Words { public static String join(String a, String b) { return a + \", \" + b; } }"), List.of());
        repo.install("org.latticeq.demo", "words", "1.0", words);
        greetingJar = repo.jar("greeting", Map.of("demo.greeting.Greeting",
                "package demo.greeting; public class Greeting { public static String hello() { return demo.words.Words.join(\"hello\", \"world\"); } }"), List.of(words));
        repo.install("org.latticeq.demo", "greeting", "1.0", greetingJar, "org.latticeq.demo:words:1.0");
        Path other = repo.jar("other", Map.of("demo.other.Other", "package demo.other; public class Other { public static int x() { return 7; } }"), List.of());
        repo.install("org.latticeq.demo", "other", "1.0", other);
        repo.install("org.latticeq.demo", "lonely", "1.0", repo.jar("lonely", Map.of("demo.lonely.Lonely",
                "package demo.lonely; public class Lonely { public static int x() { return 8; } }"), List.of()));
        repo.install("org.latticeq.demo", "clash", "1.0", repo.fakeJar("clash", List.of("com/fasterxml/jackson/databind/ObjectMapper.class", "demo/clash/Own.class")));
        classesDir = temp.resolve("work").resolve("other-classes");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        kernel = new LatticeqKernel(classPath);
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
        if (previousRepoLocal == null) {
            System.clearProperty("maven.repo.local");
        } else {
            System.setProperty("maven.repo.local", previousRepoLocal);
        }
    }

    /** Runs a cell, returning what it printed on stdout. */
    private static String printed(String cell) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            kernel.eval(cell);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String text(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_PLAIN);
    }

    private static CellException fails(String cell) {
        return assertThrows(CellException.class, () -> printed(cell));
    }

    @Test
    void mavenResolvesTransitivelyFromAFileRepositoryIntoTheLocalRepository() throws Exception {
        String out = printed("%mavenRepo demo " + repo.url() + "\n%maven org.latticeq.demo:greeting:1.0");
        assertTrue(out.contains("org.latticeq.demo:greeting:1.0") && out.contains("org.latticeq.demo:words:1.0")
                && out.contains("added 2 entries"), out);
        assertEquals("hello, world", text(kernel.eval("demo.greeting.Greeting.hello()")));
        assertTrue(Files.isRegularFile(temp.resolve("local-repo/org/latticeq/demo/words/1.0/words-1.0.jar")),
                "the artifact must land in the local repository");
        String again = printed("%addMavenDependencies org.latticeq.demo:greeting:1.0");
        assertTrue(again.contains("added 0 entries") && again.contains("already on the notebook's class path"), again);
    }

    @Test
    void aFailedResolutionNamesTheArtifactAndLeavesTheClassPathUnchanged() throws Exception {
        printed("%mavenRepo demo " + repo.url());
        CellException e = fails("%maven org.latticeq.demo:lonely:1.0 org.latticeq.demo:missing:9.9");
        assertTrue(e.getMessage().contains("%maven: line 1:") && e.getMessage().contains("org.latticeq.demo:missing:9.9"), e.getMessage());
        CellException compile = assertThrows(CellException.class, () -> kernel.eval("demo.lonely.Lonely.x()"));
        assertEquals("CompileError", compile.errorName(), "lonely:1.0 resolved but must not be on the class path");
    }

    @Test
    void badCoordinatesAndRepositoriesAreNamed() {
        CellException e = fails("%maven org.latticeq.demo:greeting");
        assertTrue(e.getMessage().contains("%maven") && e.getMessage().contains("'org.latticeq.demo:greeting' is not a Maven coordinate"), e.getMessage());
        e = fails("%maven");
        assertTrue(e.getMessage().contains("%maven") && e.getMessage().contains("no coordinates"), e.getMessage());
        e = fails("%mavenRepo onlyanid");
        assertTrue(e.getMessage().contains("%mavenRepo") && e.getMessage().contains("[onlyanid]"), e.getMessage());
        e = fails("%mavenRepo x ftp://example.org/");
        assertTrue(e.getMessage().contains("'ftp://example.org/'"), e.getMessage());
    }

    @Test
    void classesTheKernelAlreadyHasAreReportedNotShadowed() throws Exception {
        printed("%mavenRepo demo " + repo.url());
        String out = printed("%maven org.latticeq.demo:clash:1.0");
        assertTrue(out.contains("NOT added clash-1.0.jar") && out.contains("jackson-databind")
                && out.contains("com.fasterxml.jackson.databind.ObjectMapper"), out);
        assertTrue(out.contains("added 0 entries"), out);
    }

    @Test
    void loadFromPomTakesRepositoriesAndDependenciesFromAFragment() throws Exception {
        String out = printed("%%loadFromPOM\n<repository><id>demo2</id><url>" + repo.url() + "</url></repository>\n"
                + "<dependency>\n  <groupId>org.latticeq.demo</groupId>\n  <artifactId>words</artifactId>\n  <version>1.0</version>\n</dependency>\n"
                + "<dependency><groupId>org.junit</groupId><artifactId>x</artifactId><version>1</version><scope>test</scope></dependency>");
        assertTrue(out.contains("skipped org.junit:x:1 (scope test)") && out.contains("org.latticeq.demo:words:1.0"), out);
        assertEquals("a, b", text(kernel.eval("demo.words.Words.join(\"a\", \"b\")")));
        CellException e = fails("%%loadFromPOM\n<dependency><groupId>g</groupId></dependency>");
        assertTrue(e.getMessage().contains("%%loadFromPOM") && e.getMessage().contains("<artifactId>"), e.getMessage());
        e = fails("%%loadFromPOM\n<dependency>");
        assertTrue(e.getMessage().contains("%%loadFromPOM") && e.getMessage().contains("not well-formed"), e.getMessage());
    }

    @Test
    void jarsAndClassDirectoriesBecomeImportable() throws Exception {
        String out = printed("%classpath " + classesDir);
        assertTrue(out.contains("added 1 entry"), out);
        assertEquals("7", text(kernel.eval("import demo.other.Other;\nOther.x()")));
        CellException e = fails("%jars " + temp.resolve("nowhere") + "/*.jar");
        assertTrue(e.getMessage().contains("%jars") && e.getMessage().contains("nowhere/*.jar"), e.getMessage());
        e = fails("%jars");
        assertTrue(e.getMessage().contains("%jars") && e.getMessage().contains("no paths"), e.getMessage());
        Path lib = Files.createDirectories(temp.resolve("lib"));
        Files.copy(greetingJar, lib.resolve("g.jar"));
        out = printed("%jars " + lib + "/*.jar");
        assertTrue(out.contains("g.jar"), out);
    }

    @Test
    void loadRunsAScriptAndTheCodeCellsOfANotebook() throws Exception {
        Path script = temp.resolve("helpers.jsh");
        Files.writeString(script, "int loadedValue = 41;\nint plusOne(int x) { return x + 1; }\n");
        printed("%load " + script);
        assertEquals("42", text(kernel.eval("plusOne(loadedValue)")));
        Path notebook = temp.resolve("other.ipynb");
        Files.writeString(notebook, "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"# x\"]},"
                + " {\"cell_type\": \"code\", \"source\": [\"int fromNotebook = 5;\\n\", \"fromNotebook += 1;\"]},"
                + " {\"cell_type\": \"code\", \"source\": \"%time int timed = fromNotebook * 2;\"}], \"nbformat\": 4}");
        String out = printed("%load " + notebook);
        assertTrue(out.contains("Wall time"), out);
        assertEquals("12", text(kernel.eval("timed")));
        Path broken = temp.resolve("broken.jsh");
        Files.writeString(broken, "int fine = 1;\nString s = 3;\n");
        CellException e = fails("%load " + broken);
        assertTrue(e.getMessage().contains("%load " + broken) && e.getMessage().contains("line 2"), e.getMessage());
        e = fails("%load data.csv");
        assertTrue(e.getMessage().contains("%load") && e.getMessage().contains("'data.csv'"), e.getMessage());
    }

    @Test
    void displayMagicSwitchesChartsBetweenSvgAndPng() throws Exception {
        ChartFormat before = Renderers.chartFormat();
        try {
            printed("%display svg");
            DisplayData svg = kernel.eval("var c = Plots.xy(\"t\", \"x\", \"y\");\nPlots.line(c, \"s\", new double[] {1, 2}, new double[] {2, 1});\nc");
            assertTrue(String.valueOf(svg.getData(MIMEType.parse("image/svg+xml"))).startsWith("<svg"));
            assertEquals(null, svg.getData(MIMEType.IMAGE_PNG));
            printed("%display png");
            assertTrue(kernel.eval("c").getData(MIMEType.IMAGE_PNG) != null);
            CellException e = fails("%display gif");
            assertTrue(e.getMessage().contains("%display") && e.getMessage().contains("gif") && e.getMessage().contains("png or svg"), e.getMessage());
        } finally {
            Renderers.setChartFormat(before);
        }
    }

    @Test
    void shellMagicsPrintOutputAndFailOnAnExitStatus() throws Exception {
        assertTrue(printed("%sh echo from-sh").contains("from-sh"));
        assertTrue(printed("%%bash\nfor i in 1 2; do echo line$i; done").contains("line1\nline2"));
        CellException e = fails("%sh exit 3");
        assertTrue(e.getMessage().contains("%sh") && e.getMessage().contains("status 3"), e.getMessage());
        e = fails("%%bash extra\necho x");
        assertTrue(e.getMessage().contains("%%bash") && e.getMessage().contains("[extra]"), e.getMessage());
    }

    @Test
    void htmlAndMarkdownCellsAndDisplayFunctions() throws Exception {
        assertTrue(printed("%%html\n<b>bold</b> text").contains("bold text"));
        assertTrue(printed("%%markdown\n**md**").contains("**md**"));
        String out = printed("String id = display(\"first\");\nupdateDisplay(id, \"second\");\nSystem.out.println(id);");
        assertTrue(out.contains("first") && out.contains("latticeq-display-"), out);
    }

    @Test
    void stdinReadsAndRefusesClearlyWhenInputIsNotAllowed() {
        NotebookStdin allowed = new NotebookStdin(new ByteArrayInputStream("typed\n".getBytes(StandardCharsets.UTF_8)), () -> true, () -> true);
        assertEquals("typed", new Scanner(allowed).nextLine());
        NotebookStdin refused = new NotebookStdin(new ByteArrayInputStream(new byte[0]), () -> true, () -> false);
        NotebookStdin.InputNotAllowedException e = assertThrows(NotebookStdin.InputNotAllowedException.class, () -> new Scanner(refused).nextLine());
        assertTrue(e.getMessage().contains("allow_stdin=false"), e.getMessage());
        NotebookStdin idle = new NotebookStdin(new ByteArrayInputStream(new byte[0]), () -> false, () -> false);
        assertThrows(NoSuchElementException.class, () -> new Scanner(idle).nextLine(), "no cell running: plain end of input");
        assertFalse(e.getMessage().isBlank());
    }
}
