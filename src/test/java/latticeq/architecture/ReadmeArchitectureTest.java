package latticeq.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README's architecture section names every package of src/main/java/latticeq, so it stays true as packages come and go. */
class ReadmeArchitectureTest {

    static List<String> packages() throws IOException {
        Path root = Path.of("src", "main", "java", "latticeq");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory).filter(d -> !d.equals(root))
                    .filter(d -> {
                        try (Stream<Path> files = Files.list(d)) {
                            return files.anyMatch(f -> f.toString().endsWith(".java"));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(d -> root.relativize(d).toString().replace(java.io.File.separatorChar, '.')).sorted().toList();
        }
    }

    @Test
    void everyPackageIsInTheArchitectureSection() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Architecture");
        assertTrue(start >= 0, "README has no '## Architecture' section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> packages = packages();
        assertTrue(packages.contains("nn.engine") && packages.size() > 10, "too few packages found: " + packages);
        List<String> missing = packages.stream().filter(p -> !section.contains("`" + p + "`")).toList();
        assertEquals(List.of(), missing, "packages not named (as `name`) in README's architecture section");
    }
}
