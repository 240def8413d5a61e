package latticeq.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import latticeq.notebook.ChartFormat;
import latticeq.notebook.Display;
import latticeq.notebook.Renderers;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.util.artifact.JavaScopes;

/**
 * The kernel's magics other than %time: dependencies from Maven, jars and class directories,
 * %load, the chart format, HTML and Markdown cells, shell commands. Every error names the magic
 * and the argument it did not accept ({@link CellException#magic}).
 */
final class KernelMagics {
    /** Runs source as a cell of this kernel (for %load). */
    @FunctionalInterface
    interface CellRunner {
        void run(String source) throws Exception;
    }

    static final Set<String> LINE_MAGICS = new TreeSet<>(Set.of("maven", "addMavenDependencies", "addMavenDependency",
            "mavenRepo", "addMavenRepo", "loadFromPOM", "jars", "classpath", "load", "display", "sh", "time"));
    static final Set<String> CELL_MAGICS = new TreeSet<>(Set.of("loadFromPOM", "html", "markdown", "bash", "sh", "time"));

    private final MavenResolverHolder maven;
    private final UserClassPath classPath;
    private final ShellCommand shell = new ShellCommand();
    private final Path workingDirectory;
    private final CellRunner runner;

    KernelMagics(MavenResolverHolder maven, UserClassPath classPath, Path workingDirectory, CellRunner runner) {
        this.maven = maven;
        this.classPath = classPath;
        this.workingDirectory = workingDirectory;
        this.runner = runner;
    }

    void runLine(CellMagics.LineMagic magic, String cell) throws Exception {
        String name = "%" + magic.name();
        try {
            switch (magic.name()) {
                case "maven", "addMavenDependencies", "addMavenDependency" -> maven(name, magic.args());
                case "mavenRepo", "addMavenRepo" -> mavenRepo(magic.args());
                case "loadFromPOM" -> loadFromPomFile(name, magic.args());
                case "jars" -> addPaths(name, magic.args(), true);
                case "classpath" -> addPaths(name, magic.args(), false);
                case "load" -> load(magic.args());
                case "display" -> chartFormat(magic.args());
                case "sh" -> shell.run(magic.argText(), workingDirectory, System.out, System.err);
                default -> throw new MagicException("unknown line magic: this kernel knows %" + String.join(", %", LINE_MAGICS)
                        + " and the cell magics %%" + String.join(", %%", CELL_MAGICS));
            }
        } catch (MagicException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw CellException.magic(name, e.getMessage(), magic.line(), cell);
        }
    }

    void runCell(CellMagics.CellMagic magic, String cell) throws Exception {
        String name = "%%" + magic.name();
        try {
            switch (magic.name()) {
                case "loadFromPOM" -> loadFromPom(name, PomFragment.parse(magic.body(), scopes(magic.args())));
                case "html" -> {
                    noArguments(magic.args());
                    Display.html(magic.body());
                }
                case "markdown" -> {
                    noArguments(magic.args());
                    Display.markdown(magic.body());
                }
                case "bash", "sh" -> {
                    noArguments(magic.args());
                    shell.run(magic.body(), workingDirectory, System.out, System.err);
                }
                default -> throw new MagicException("unknown cell magic: this kernel knows %%" + String.join(", %%", CELL_MAGICS)
                        + " and the line magics %" + String.join(", %", LINE_MAGICS));
            }
        } catch (MagicException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw CellException.magic(name, e.getMessage(), magic.line(), cell);
        }
    }

    /** Stops a running shell command (Jupyter's interrupt); false when none runs. */
    boolean interrupt() {
        return shell.interrupt();
    }

    private void maven(String name, List<String> args) throws MagicException {
        if (args.isEmpty()) {
            throw new MagicException("no coordinates given: need group:artifact:version ..., e.g. %maven org.apache.commons:commons-math3:3.6.1");
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (String arg : args) {
            dependencies.add(new Dependency(MavenCoordinates.parse(arg), JavaScopes.COMPILE));
        }
        resolveAndAdd(name, dependencies, Map.of());
    }

    private void mavenRepo(List<String> args) throws MagicException {
        if (args.size() != 2) {
            throw new MagicException("arguments = " + args + ": need exactly two, an id and a URL, e.g. %mavenRepo snapshots https://s01.oss.sonatype.org/content/repositories/snapshots/");
        }
        maven.get().addRepository(args.get(0), args.get(1));
        System.out.println("%mavenRepo: searching " + String.join(", ", maven.get().repositories().keySet()));
    }

    private void loadFromPomFile(String name, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new MagicException("no POM file given: need a path, e.g. %loadFromPOM pom.xml [scopes...]");
        }
        Path pom = workingDirectory.resolve(args.get(0)).normalize();
        if (!Files.isRegularFile(pom)) {
            throw new MagicException("'" + args.get(0) + "' does not exist (relative paths start at " + workingDirectory + ")");
        }
        loadFromPom(name, PomFragment.parse(Files.readString(pom), scopes(args.subList(1, args.size()))));
    }

    private void loadFromPom(String name, PomFragment.Parsed parsed) throws MagicException {
        for (String skipped : parsed.skipped()) {
            System.out.println(name + ": skipped " + skipped);
        }
        if (!parsed.dependencies().isEmpty()) {
            resolveAndAdd(name, parsed.dependencies(), parsed.repositories());
        }
    }

    private static Set<String> scopes(List<String> args) throws MagicException {
        Set<String> allowed = Set.of(JavaScopes.COMPILE, JavaScopes.RUNTIME, JavaScopes.PROVIDED, JavaScopes.TEST, JavaScopes.SYSTEM);
        for (String arg : args) {
            if (!allowed.contains(arg)) {
                throw new MagicException("scope '" + arg + "' is not a Maven scope: need some of " + new TreeSet<>(allowed));
            }
        }
        return args.isEmpty() ? PomFragment.DEFAULT_SCOPES : new LinkedHashSet<>(args);
    }

    /** Resolves everything first; only then touches the class path, so a failure changes nothing. */
    private void resolveAndAdd(String name, List<Dependency> dependencies, Map<String, String> extraRepositories) throws MagicException {
        MavenResolver resolver = maven.get();
        List<MavenResolver.Resolved> resolved = resolver.resolve(dependencies, extraRepositories);
        List<Path> files = new ArrayList<>();
        List<String> coordinates = new ArrayList<>();
        for (MavenResolver.Resolved r : resolved) {
            files.add(r.file());
            coordinates.add(r.coordinate());
        }
        System.out.println(name + ": resolved " + String.join(", ", coordinates) + " (local repository " + resolver.localRepository() + ")");
        classPath.add(files).report(name).forEach(System.out::println);
    }

    private void addPaths(String name, List<String> globs, boolean jarsOnly) throws MagicException {
        if (globs.isEmpty()) {
            throw new MagicException("no paths given: need globs, e.g. " + name + (jarsOnly ? " lib/*.jar" : " build/classes lib/*.jar"));
        }
        List<Path> paths = new ArrayList<>();
        for (String glob : globs) {
            paths.addAll(GlobPaths.expand(glob, workingDirectory, jarsOnly));
        }
        classPath.add(paths).report(name).forEach(System.out::println);
    }

    private void load(List<String> args) throws Exception {
        if (args.size() != 1) {
            throw new MagicException("arguments = " + args + ": need exactly one file, e.g. %load helpers.jsh or %load 00-tour.ipynb");
        }
        for (NotebookSource.Piece piece : NotebookSource.read(args.get(0), workingDirectory)) {
            try {
                runner.run(piece.source());
            } catch (CellException e) {
                List<String> trace = new ArrayList<>();
                trace.add("%load " + args.get(0) + ": " + piece.label() + " failed");
                trace.addAll(e.traceback());
                throw new CellException(e.errorName(), "%load " + args.get(0) + ": " + piece.label() + ": "
                        + e.getMessage(), trace);
            }
        }
    }

    private static void chartFormat(List<String> args) throws MagicException {
        if (args.size() != 1) {
            throw new MagicException("arguments = " + args + ": need exactly one, png or svg (now "
                    + Renderers.chartFormat().lowerCase() + ")");
        }
        Renderers.setChartFormat(ChartFormat.parse(args.get(0), "format"));
        System.out.println("%display: charts as " + Renderers.chartFormat().lowerCase() + " from now on");
    }

    private static void noArguments(List<String> args) throws MagicException {
        if (!args.isEmpty()) {
            throw new MagicException("arguments = " + args + ": takes none (the cell's body is its input)");
        }
    }

    /** The resolver, made on first use (finding the local repository reads Maven's settings). */
    static final class MavenResolverHolder implements AutoCloseable {
        private MavenResolver resolver;

        synchronized MavenResolver get() throws MagicException {
            if (resolver == null) {
                resolver = new MavenResolver(MavenLocalRepository.find(System.getenv(), System.getProperty("maven.repo.local"),
                        Path.of(System.getProperty("user.home"))));
            }
            return resolver;
        }

        @Override
        public synchronized void close() {
            if (resolver != null) {
                resolver.close();
            }
        }
    }
}
