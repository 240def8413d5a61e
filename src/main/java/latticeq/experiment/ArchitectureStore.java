package latticeq.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import latticeq.io.AtomicFiles;
import latticeq.lattice.Lattice;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Family;

/**
 * Architectures chosen by the search, one JSON file per family ({@code best-EQ.json}, ...), so the
 * other notebooks can use them; {@link #loadOrDefault} falls back to the documented default.
 */
public final class ArchitectureStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path root;

    public ArchitectureStore(Path root) {
        this.root = root;
    }

    public Path file(Family family) {
        return root.resolve("best-" + family + ".json");
    }

    /** Writes the spec atomically. */
    public Path save(ArchitectureSpec spec) throws IOException {
        Path target = file(spec.family());
        AtomicFiles.writeString(target, JSON.writeValueAsString(spec));
        return target;
    }

    /** The saved spec of the family, or empty. A file that does not parse into a valid spec is an error. */
    public java.util.Optional<ArchitectureSpec> load(Family family) throws IOException {
        Path f = file(family);
        if (!Files.isRegularFile(f)) return java.util.Optional.empty();
        ArchitectureSpec spec = JSON.readValue(f.toFile(), ArchitectureSpec.class);
        if (spec.family() != family) {
            throw new IOException(f + " holds a " + spec.family() + " architecture: need " + family);
        }
        return java.util.Optional.of(spec);
    }

    /** The saved spec, or {@link ArchitectureSearch#defaultSpec} for the family. */
    public ArchitectureSpec loadOrDefault(Family family, Lattice lattice) throws IOException {
        return load(family).orElseGet(() -> ArchitectureSearch.defaultSpec(family, lattice));
    }
}
