package latticeq.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The network packages point one way: nn (what users build) -> nn.layers (the DL4J layers) ->
 * nn.engine (the convolution engine). Checked on the compiled classes' constant pools, as
 * {@link LibraryLayeringTest} does for the layers above the library.
 */
class NetworkPackagesTest {
    private static final Path CLASSES = Path.of("target", "classes", "latticeq", "nn");
    private static final Pattern NN_CLASS = Pattern.compile("latticeq/nn/(\\w+/)?\\w+");

    /** The latticeq.nn classes a class file names, as package-relative names ("layers/X", "Y"). */
    static List<String> nnReferences(byte[] classFile) {
        Matcher m = NN_CLASS.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.group().substring("latticeq/nn/".length()));
        return found;
    }

    private static List<String> violations(String pkg, List<String> forbiddenPrefixes, boolean forbidTopLevel) throws IOException {
        List<String> bad = new ArrayList<>();
        Path dir = CLASSES.resolve(pkg);
        assertTrue(Files.isDirectory(dir), "compiled classes not found under " + dir.toAbsolutePath());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                for (String ref : nnReferences(Files.readAllBytes(f))) {
                    boolean topLevel = !ref.contains("/");
                    if ((forbidTopLevel && topLevel) || forbiddenPrefixes.stream().anyMatch(ref::startsWith)) {
                        bad.add(dir.relativize(f) + " -> " + ref);
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void theEngineKnowsNeitherTheLayersNorTheNetworks() throws IOException {
        assertEquals(List.of(), violations("engine", List.of("layers/"), true));
    }

    @Test
    void theLayersDoNotKnowTheNetworks() throws IOException {
        assertEquals(List.of(), violations("layers", List.of(), true));
    }

    @Test
    void theScanSeesTheLayersUseOfTheEngine() throws IOException {
        byte[] layer = Files.readAllBytes(CLASSES.resolve("layers").resolve("PeriodicConvolutionLayer.class"));
        assertTrue(nnReferences(layer).contains("engine/PeriodicConvolutionEngine"), () -> "" + nnReferences(layer));
    }
}
