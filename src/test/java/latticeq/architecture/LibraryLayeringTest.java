package latticeq.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library never depends on the notebook layer, the kernel or the CLI (README, Architecture:
 * arrows point down). Checked on the compiled classes: every class the library references is named
 * in its constant pool, so a forbidden reference shows up as a "latticeq/notebook/" string
 * whether it came from an import, a fully qualified name or a lambda.
 */
class LibraryLayeringTest {
    /** The layers above the library; every other package under latticeq (and the root) is library. */
    static final List<String> NOT_LIBRARY = List.of("notebook", "kernel", "cli");
    static final List<String> FORBIDDEN = List.of("latticeq/notebook/", "latticeq/kernel/", "latticeq/cli/");

    /** Forbidden references in one class file's bytes (class names are stored as UTF-8 text). */
    static List<String> forbiddenReferences(byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (String forbidden : FORBIDDEN) {
            if (text.contains(forbidden)) {
                found.add(forbidden);
            }
        }
        return found;
    }

    @Test
    void libraryClassesReferenceNoNotebookKernelOrCliClass() throws IOException {
        Path classes = Path.of("target", "classes", "latticeq");
        assertTrue(Files.isDirectory(classes.resolve("lattice")), "compiled library classes not found under " + classes.toAbsolutePath());
        // Derived from the tree, so a package added later is scanned without editing this test.
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(p -> p.toString().endsWith(".class"))
                .filter(p -> p.getParent().equals(classes) || !NOT_LIBRARY.contains(classes.relativize(p).getName(0).toString()))
                .forEach(files::add);
        }
        assertTrue(files.stream().anyMatch(p -> p.startsWith(classes.resolve("dynamics"))), "the dynamics package must be scanned");
        assertTrue(files.size() >= 2, "too few library classes scanned: " + files);
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            List<String> bad = forbiddenReferences(Files.readAllBytes(file));
            if (!bad.isEmpty()) {
                violations.add(classes.relativize(file) + " -> " + bad);
            }
        }
        assertEquals(List.of(), violations, "library classes must not use the notebook, kernel or cli packages");
    }

    @Test
    void detectorSeesAReferenceInRealClassBytes() throws IOException {
        // a notebook class refers to latticeq/progress/ProgressListener; the same scan finds it
        byte[] progressBar = Files.readAllBytes(Path.of("target", "classes", "latticeq", "notebook", "ProgressBar.class"));
        assertTrue(new String(progressBar, StandardCharsets.ISO_8859_1).contains("latticeq/progress/ProgressListener"));
        byte[] kernel = Files.readAllBytes(Path.of("target", "classes", "latticeq", "kernel", "LatticeqKernel.class"));
        assertTrue(forbiddenReferences(kernel).contains("latticeq/notebook/"), "the kernel uses the notebook layer; the scan must see it");
    }
}
