package latticeq.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.graph.Dependency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolves a small real artifact with a transitive dependency from Maven Central into an empty
 * local repository. Needs the network, so it is tagged and left out of the default run:
 * {@code mvn -Pnetwork test -Dtest=MavenCentralResolutionTest}.
 */
@Tag("network")
class MavenCentralResolutionTest {
    @Test
    void commonsTextAndItsDependencyComeFromCentral(@TempDir Path localRepository) throws Exception {
        try (MavenResolver resolver = new MavenResolver(localRepository)) {
            List<MavenResolver.Resolved> resolved = resolver.resolve(
                    List.of(new Dependency(MavenCoordinates.parse("org.apache.commons:commons-text:1.12.0"), "compile")), Map.of());
            List<String> coordinates = resolved.stream().map(MavenResolver.Resolved::coordinate).toList();
            assertTrue(coordinates.contains("org.apache.commons:commons-text:1.12.0"), coordinates.toString());
            assertTrue(coordinates.stream().anyMatch(c -> c.startsWith("org.apache.commons:commons-lang3:")), coordinates.toString());
            for (MavenResolver.Resolved r : resolved) {
                assertTrue(r.file().startsWith(localRepository) && Files.size(r.file()) > 10_000, r.toString());
            }
        }
    }
}
