package latticeq.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A Maven repository on disk, written by a test: artifacts with real compiled classes (so a cell
 * can use them) and POMs naming their dependencies. Offline and fast, unlike Maven Central.
 */
final class FileMavenRepository {
    private final Path root;
    private final Path work;

    FileMavenRepository(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    String url() {
        return root.toUri().toString();
    }

    /** Compiles {@code sources} (class name to source) against {@code classPath} into a jar. */
    Path jar(String name, Map<String, String> sources, List<Path> classPath) throws IOException {
        Path src = Files.createDirectories(work.resolve(name + "-src"));
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        if (!classPath.isEmpty()) {
            args.add("-cp");
            args.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        }
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("test sources of " + name + " do not compile");
        }
        Path jar = work.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A jar whose entries are just names (enough for the class-path conflict check). */
    Path fakeJar(String name, List<String> entries) throws IOException {
        Path jar = work.resolve(name + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Installs {@code jar} as group:artifact:version with dependencies given as "group:artifact:version". */
    void install(String group, String artifact, String version, Path jar, String... dependencies) throws IOException {
        Path dir = Files.createDirectories(root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
        Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n")
                .append("  <groupId>").append(group).append("</groupId>\n  <artifactId>").append(artifact)
                .append("</artifactId>\n  <version>").append(version).append("</version>\n  <dependencies>\n");
        for (String d : dependencies) {
            String[] p = d.split(":");
            pom.append("    <dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId><version>").append(p[2]).append("</version></dependency>\n");
        }
        pom.append("  </dependencies>\n</project>\n");
        Files.writeString(dir.resolve(artifact + "-" + version + ".pom"), pom, StandardCharsets.UTF_8);
    }
}
