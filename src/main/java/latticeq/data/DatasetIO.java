package latticeq.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import latticeq.Version;

/**
 * A dataset on disk: a directory with
 * <pre>
 *   configs.npy    int32   [N, 4, N_t, N_x]  channels k_t, k_x, l_t, l_x
 *   targets.npy    float64 [N, 2]            (n, |phi|^2)
 *   mu.npy         float64 [N]
 *   manifest.json  format, code version, the full {@link DatasetSpec} (seed included), the
 *                  per-mu stream seeds, and for each array its file, dtype, shape and sha256
 * </pre>
 * The directory is written under a temporary name next to the target and renamed into place
 * (atomic move), so a reader never sees half a dataset. {@link #read} checks the manifest, then
 * each array's magic, dtype and shape, then its sha256, and names the first problem it finds.
 */
public final class DatasetIO {
    private DatasetIO() {}

    public static final String FORMAT = "latticeq-dataset";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes {@code data} as the directory {@code dir}, replacing an existing one. */
    public static void write(Dataset data, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            DatasetSpec spec = data.spec();
            int n = data.size();
            int[] shape = data.featureShape();
            String shaConfigs = NpyWriter.writeInt32(tmp.resolve("configs.npy"), data.configs(), shape);
            String shaTargets = NpyWriter.writeFloat64(tmp.resolve("targets.npy"), data.targets(), n, Dataset.TARGETS);
            String shaMu = NpyWriter.writeFloat64(tmp.resolve("mu.npy"), data.mu(), n);

            ObjectNode m = JSON.createObjectNode();
            m.put("format", FORMAT);
            m.put("formatVersion", FORMAT_VERSION);
            m.put("codeVersion", Version.get());
            m.put("size", n);
            ArrayNode channels = m.putArray("channels");
            Stream.of("k_t", "k_x", "l_t", "l_x").forEach(channels::add);
            ArrayNode targetNames = m.putArray("targets");
            Stream.of("n", "phi2").forEach(targetNames::add);
            m.set("spec", JSON.valueToTree(spec));
            m.put("sampler", "latticeq.phi4.WormSampler: one chain per mu; a sweep is one Metropolis pass over all l links"
                    + " plus wormsPerSweep complete worms; thermSweeps discarded, then one configuration saved every"
                    + " decorrelationSweeps sweeps");
            ArrayNode streams = m.putArray("streams");
            for (double mu : spec.mus()) {
                streams.addObject().put("mu", mu).put("seed", spec.streamSeed(mu));
            }
            ObjectNode arrays = m.putObject("arrays");
            array(arrays, "configs", "<i4", shape, shaConfigs);
            array(arrays, "targets", "<f8", new int[] {n, Dataset.TARGETS}, shaTargets);
            array(arrays, "mu", "<f8", new int[] {n}, shaMu);
            Path manifestTmp = tmp.resolve(MANIFEST + ".tmp");
            JSON.writeValue(manifestTmp.toFile(), m);
            Files.move(manifestTmp, tmp.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
            NpyWriter.readableByAll(tmp, true);

            if (Files.exists(target)) {
                // move the old directory aside first: a directory cannot be renamed over a non-empty one
                Path old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot write " + target + " atomically on this file system", e);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    private static void array(ObjectNode arrays, String name, String dtype, int[] shape, String sha) {
        ObjectNode a = arrays.putObject(name);
        a.put("file", name + ".npy");
        a.put("dtype", dtype);
        ArrayNode s = a.putArray("shape");
        for (int d : shape) {
            s.add(d);
        }
        a.put("sha256", sha);
    }

    /** Reads and validates a dataset directory. */
    public static Dataset read(Path dir) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new NpyFormatException(dir + ": no " + MANIFEST + " (not a dataset directory)");
        }
        JsonNode m;
        try {
            m = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new NpyFormatException(manifestFile + ": not valid JSON (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(m.path("format").asText())) {
            throw new NpyFormatException(manifestFile + ": format is '" + m.path("format").asText() + "', expected '" + FORMAT + "'");
        }
        if (m.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new NpyFormatException(manifestFile + ": formatVersion " + m.path("formatVersion") + " is not supported (need " + FORMAT_VERSION + ")");
        }
        DatasetSpec spec;
        try {
            spec = JSON.treeToValue(m.path("spec"), DatasetSpec.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new NpyFormatException(manifestFile + ": invalid spec (" + e.getMessage() + ")");
        }
        // a subset (first N samples) keeps the spec it was generated from, so N <= spec.size()
        int n = m.path("size").asInt(-1);
        if (n < 0 || n > spec.size()) {
            throw new NpyFormatException(manifestFile + ": size " + m.path("size") + " is not allowed: need 0 <= size <= " + spec.size() + " (the spec's size)");
        }
        int[] configs = load(dir, m, "configs", "<i4", new int[] {n, Dataset.CHANNELS, spec.nt(), spec.nx()}).asInt32();
        double[] targets = load(dir, m, "targets", "<f8", new int[] {n, Dataset.TARGETS}).asFloat64();
        double[] mu = load(dir, m, "mu", "<f8", new int[] {n}).asFloat64();
        return new Dataset(spec, configs, targets, mu);
    }

    private static NpyArray load(Path dir, JsonNode manifest, String name, String dtype, int[] shape) throws IOException {
        JsonNode entry = manifest.path("arrays").path(name);
        if (entry.isMissingNode()) {
            throw new NpyFormatException(dir.resolve(MANIFEST) + ": no entry for array '" + name + "'");
        }
        Path file = dir.resolve(entry.path("file").asText(name + ".npy"));
        if (!Files.isRegularFile(file)) {
            throw new NpyFormatException(file + ": missing");
        }
        byte[] bytes = Files.readAllBytes(file);
        NpyArray a = NpyReader.parse(file, bytes);
        if (!a.dtype().equals(dtype)) {
            throw new NpyFormatException(file + ": dtype is '" + a.dtype() + "', expected '" + dtype + "'");
        }
        if (!Arrays.equals(a.shape(), shape)) {
            throw new NpyFormatException(file + ": shape is " + Arrays.toString(a.shape()) + ", expected " + Arrays.toString(shape));
        }
        String expected = entry.path("sha256").asText();
        String found = java.util.HexFormat.of().formatHex(NpyWriter.sha256().digest(bytes));
        if (!found.equals(expected)) {
            throw new NpyFormatException(file + ": sha256 mismatch (manifest " + expected + ", file " + found + "): the data are corrupted");
        }
        return a;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
