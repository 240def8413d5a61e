package latticeq.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import latticeq.io.AtomicFiles;
import latticeq.io.CacheKey;
import latticeq.io.DiskCache;
import latticeq.nn.LatticeModel;

/**
 * A disk cache of trained networks keyed by everything that determines them (architecture,
 * training settings, data, seeds), so a notebook that needs the networks of another notebook
 * loads them instead of training again. Entry: {@code root/<name>-<key>/} with {@code model.zip}
 * ({@link LatticeModel}: network, spec, provenance) and {@code history.json} (losses per epoch, best epoch, training seconds, the key's
 * parts); written into a temporary directory and moved into place atomically.
 */
public final class ModelStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private final Path root;

    public ModelStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * A short stable key of the parts (records, numbers, strings, lists), from the sha256 of
     * their JSON: the same parts give the same key in every run.
     */
    public static String key(Object... parts) {
        return CacheKey.of(parts);
    }

    /** Directory of one entry. */
    public Path directory(String name, String key) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("name = " + name + " is not allowed: need letters, digits, '_', '.', '-'");
        }
        return root.resolve(name + "-" + key);
    }

    /** Whether an entry exists on disk. */
    public boolean contains(String name, String key) {
        return Files.isRegularFile(directory(name, key).resolve("model.zip"));
    }

    /**
     * The stored network of (name, key), or {@code fit} run and its result stored. An entry that
     * cannot be read (damaged, or written by a version whose layer classes had other names) is
     * trained again and replaced; standard error says why.
     */
    public FitResult loadOrFit(String name, String key, Supplier<FitResult> fit) throws IOException {
        Path dir = directory(name, key);
        return DiskCache.loadOrCompute(dir, ModelStore::read, fit::get, (result, d) -> write(d, result),
                why -> System.err.println("model cache entry " + dir.getFileName() + " is not usable (" + why + "): training it again"));
    }

    /** The entry in {@code dir}, or null when it is missing or cannot be read (then it is to be trained again). */
    public static FitResult readIfUsable(Path dir) {
        if (!Files.isRegularFile(dir.resolve("model.zip")) || !Files.isRegularFile(dir.resolve("history.json"))) return null;
        try {
            return read(dir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads an entry (marked cached; seconds = the wall time its training took when it was trained). */
    public static FitResult read(Path dir) throws IOException {
        LatticeModel model = LatticeModel.load(dir.resolve("model.zip"));
        Map<?, ?> h = JSON.readValue(dir.resolve("history.json").toFile(), Map.class);
        double[] train = toDoubles(h.get("trainLoss"));
        double[] val = toDoubles(h.get("validationLoss"));
        // "bestEpochNumber" counts from 1; entries written before it held a 0-based "bestEpoch"
        int best = h.get("bestEpochNumber") instanceof Number b ? b.intValue() : ((Number) h.get("bestEpoch")).intValue() + 1;
        double seconds = h.get("seconds") instanceof Number s ? s.doubleValue() : 0.0;
        return new FitResult(model, train, val, best, seconds, true);
    }

    /** Writes an entry atomically (replacing an older one). */
    public static void write(Path dir, FitResult result) throws IOException {
        AtomicFiles.writeDirectory(dir, tmp -> {
            result.model().save(tmp.resolve("model.zip"));
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("trainLoss", result.trainLoss());
            h.put("validationLoss", result.validationLoss());
            h.put("bestEpochNumber", result.bestEpoch());
            h.put("seconds", result.seconds());
            h.put("version", latticeq.Version.get());
            Files.writeString(tmp.resolve("history.json"), JSON.writeValueAsString(h));
            return null;
        });
    }

    private static double[] toDoubles(Object list) {
        return ((java.util.List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
