package latticeq.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the classes of a jar or directory that the kernel's own class path already has. The
 * notebook's class loader asks its parent (the kernel's class path) first, so such classes would
 * be silently taken from the kernel's copy (ND4J, DL4J, Jackson, slf4j, ...), mixed with the new
 * jar's other classes: the kernel reports these and does not add the entry.
 */
final class ClassPathConflicts {
    /** Classes of {@code entry} found on the kernel's class path, and the kernel's jars holding them. */
    record Overlap(Path entry, int classes, int shadowed, List<String> examples, List<String> kernelSources) {
        boolean any() {
            return shadowed > 0;
        }
    }

    private final ClassLoader kernelLoader;

    ClassPathConflicts(ClassLoader kernelLoader) {
        this.kernelLoader = kernelLoader;
    }

    Overlap check(Path entry) {
        List<String> classFiles = classFiles(entry);
        int shadowed = 0;
        List<String> examples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String name : classFiles) {
            if (name.endsWith("module-info.class") || name.startsWith("META-INF/")) {
                continue; // multi-release and module descriptors exist in many jars, shadow nothing
            }
            URL url = kernelLoader.getResource(name);
            if (url != null) {
                shadowed++;
                if (examples.size() < 3) {
                    examples.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
                String source = sourceName(url, name);
                if (!sources.contains(source) && sources.size() < 5) {
                    sources.add(source);
                }
            }
        }
        return new Overlap(entry, classFiles.size(), shadowed, examples, sources);
    }

    private static List<String> classFiles(Path entry) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(p -> p.toString().endsWith(".class"))
                            .forEach(p -> names.add(entry.relativize(p).toString().replace('\\', '/')));
                }
            } else {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.endsWith(".class")) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes of " + entry + ": " + e.getMessage(), e);
        }
        return names;
    }

    /** "jackson-databind-2.15.4.jar" from a jar: URL, the directory otherwise. */
    private static String sourceName(URL url, String name) {
        String s = url.toString();
        int bang = s.indexOf("!/");
        if (s.startsWith("jar:") && bang > 0) {
            String jar = s.substring(4, bang);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        return s.endsWith(name) ? s.substring(0, s.length() - name.length()) : s;
    }
}
