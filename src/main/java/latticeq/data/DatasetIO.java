package latticeq.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import latticeq.Version;
import latticeq.io.AtomicFiles;
import latticeq.io.CacheKey;

/**
 * A dataset on disk: a directory with
 * <pre>
 *   configs.npy    int32   [N, 4, N_t, N_x]  channels k_t, k_x, l_t, l_x
 *   targets.npy    float64 [N, 2]            (n, |phi|^2)
 *   mu.npy         float64 [N]
 *   manifest.json  format, code version, the full {@link DatasetSpec} (seed included), the
 *                  per-mu stream seeds, and for each array its file, dtype, shape and sha256
 * </pre>
 * The directory is written atomically ({@link AtomicFiles#writeDirectory}), so a reader never sees
 * half a dataset. {@link #read} checks the manifest, then
 * each array's magic, dtype and shape, then its sha256, and names the first problem it finds.
 */
public final class DatasetIO {
    private DatasetIO() {}

    public static final String FORMAT = "latticeq-dataset";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes {@code data} as the directory {@code dir}, replacing an existing one ({@link AtomicFiles#writeDirectory}). */
    public static void write(LatticeDataset data, Path dir) throws IOException {
        AtomicFiles.writeDirectory(dir, tmp -> {
            DatasetSpec spec = data.spec();
            int n = data.size();
            int[] shape = data.featureShape();
            String shaConfigs = NpyWriter.writeInt32(tmp.resolve("configs.npy"), data.configs(), shape);
            String shaTargets = NpyWriter.writeFloat64(tmp.resolve("targets.npy"), data.targets(), n, LatticeDataset.TARGETS);
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
            array(arrays, "targets", "<f8", new int[] {n, LatticeDataset.TARGETS}, shaTargets);
            array(arrays, "mu", "<f8", new int[] {n}, shaMu);
            m.put("contentSha256", contentDigest(spec, n, shaConfigs, shaTargets, shaMu));
            JSON.writeValue(tmp.resolve(MANIFEST).toFile(), m);
            return null;
        });
    }

    /**
     * The checksum that ties the manifest together: the spec (as this code serialises it), the size
     * and the arrays' checksums. An edited spec or size no longer matches it, so a manifest changed
     * by hand is detected even when the arrays are intact.
     */
    static String contentDigest(DatasetSpec spec, int size, String shaConfigs, String shaTargets, String shaMu) {
        String canonical = JSON.valueToTree(spec).toString() + "|size=" + size + "|configs=" + shaConfigs
                + "|targets=" + shaTargets + "|mu=" + shaMu;
        return CacheKey.hex(CacheKey.sha256().digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
    public static LatticeDataset read(Path dir) throws IOException {
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
        if (m.has("contentSha256")) {   // written since the manifest checksum exists; older manifests get the content checks only
            String expected = m.path("contentSha256").asText();
            String found = contentDigest(spec, n, m.path("arrays").path("configs").path("sha256").asText(),
                    m.path("arrays").path("targets").path("sha256").asText(), m.path("arrays").path("mu").path("sha256").asText());
            if (!found.equals(expected)) {
                throw new NpyFormatException(manifestFile + ": contentSha256 does not match the spec, size and array checksums:"
                        + " the manifest was edited after it was written");
            }
        }
        int[] configs = load(dir, m, "configs", "<i4", new int[] {n, LatticeDataset.CHANNELS, spec.nt(), spec.nx()}).asInt32();
        double[] targets = load(dir, m, "targets", "<f8", new int[] {n, LatticeDataset.TARGETS}).asFloat64();
        double[] mu = load(dir, m, "mu", "<f8", new int[] {n}).asFloat64();
        checkAgainstSpec(dir, spec, configs, targets, mu);
        return new LatticeDataset(spec, configs, targets, mu);
    }

    /**
     * What the arrays must satisfy whatever the manifest says: every mu is one of the spec's, no mu
     * has more rows than configsPerMu (exactly that many in a full dataset), and the density target
     * is the mean of the k_t channel of its configuration (n = W / N_x), row by row.
     */
    static void checkAgainstSpec(Path dir, DatasetSpec spec, int[] configs, double[] targets, double[] mu) throws NpyFormatException {
        int n = mu.length;
        java.util.Map<Double, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!spec.mus().contains(mu[i])) {
                throw new NpyFormatException(dir.resolve("mu.npy") + ": row " + i + " has mu = " + mu[i] + ", not one of the spec's " + spec.mus());
            }
            counts.merge(mu[i], 1, Integer::sum);
        }
        for (double value : spec.mus()) {
            int c = counts.getOrDefault(value, 0);
            if (c > spec.configsPerMu() || (n == spec.size() && c != spec.configsPerMu())) {
                throw new NpyFormatException(dir.resolve("mu.npy") + ": " + c + " rows at mu = " + value + ", the spec says "
                        + spec.configsPerMu() + " per mu" + (n == spec.size() ? "" : " at most"));
            }
        }
        int volume = spec.nt() * spec.nx(), per = LatticeDataset.CHANNELS * volume;
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int s = 0; s < volume; s++) sum += configs[i * per + s];   // channel 0 = k_t
            double density = (double) sum / volume;
            if (Math.abs(targets[i * LatticeDataset.TARGETS] - density) > 1e-9) {
                throw new NpyFormatException(dir.resolve("targets.npy") + ": row " + i + " has n = " + targets[i * LatticeDataset.TARGETS]
                        + " but its configuration's k_t channel averages " + density);
            }
        }
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
        String found = CacheKey.hex(CacheKey.sha256().digest(bytes));
        if (!found.equals(expected)) {
            throw new NpyFormatException(file + ": sha256 mismatch (manifest " + expected + ", file " + found + "): the data are corrupted");
        }
        return a;
    }
}
