package latticeq.nn;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import latticeq.io.AtomicFiles;
import latticeq.nn.layers.ViewGradientUpdater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained (or freshly built) network together with its {@link ArchitectureSpec} and provenance
 * (seed, training configuration, mode, library version ...). Checks inputs before they reach DL4J,
 * so a wrong channel count or lattice size fails with a clear message. Saved as one DL4J model zip
 * (ModelSerializer, with updater state) carrying the spec and provenance as a JSON entry.
 */
public final class LatticeModel {
    private static final String ENTRY = "latticeq.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchitectureSpec spec;
    private final MultiLayerNetwork network;
    private final Map<String, String> provenance;

    public LatticeModel(ArchitectureSpec spec, MultiLayerNetwork network, Map<String, String> provenance) {
        if (spec == null) throw new IllegalArgumentException("spec = null: need an ArchitectureSpec");
        if (network == null) throw new IllegalArgumentException("network = null: need a MultiLayerNetwork");
        this.spec = spec;
        this.network = network;
        this.provenance = Map.copyOf(provenance == null ? Map.of() : provenance);
    }

    public ArchitectureSpec spec() { return spec; }
    public MultiLayerNetwork network() { return network; }
    public Map<String, String> provenance() { return provenance; }

    /** Samples per forward pass of {@link #predict}: memory stays small on big lattices and test sets. */
    static final int PREDICT_BATCH = 500;

    /**
     * Network output for features [N, channels, Nt, Nx] (inference mode), after {@link #checkInput};
     * the features are cast to the network's data type and run in batches of 500 samples.
     */
    public INDArray predict(INDArray features) {
        checkInput(spec, features);
        INDArray x = features.castTo(network.getLayerWiseConfigurations().getDataType());
        long n = x.size(0);
        if (n <= PREDICT_BATCH) return network.output(x, false);
        INDArray[] parts = new INDArray[(int) ((n + PREDICT_BATCH - 1) / PREDICT_BATCH)];
        for (int i = 0; i < parts.length; i++) {
            long from = (long) i * PREDICT_BATCH, to = Math.min(n, from + PREDICT_BATCH);
            parts[i] = network.output(x.get(NDArrayIndex.interval(from, to)), false).dup();
        }
        return Nd4j.concat(0, parts);
    }

    /** Throws IllegalArgumentException naming the value and the allowed range when the batch does not fit the spec. */
    public static void checkInput(ArchitectureSpec spec, INDArray features) {
        if (features == null) throw new IllegalArgumentException("features = null: need [N, channels, Nt, Nx]");
        if (features.rank() != 4) {
            throw new IllegalArgumentException("features rank = " + features.rank() + ": need 4 ([N, channels, Nt, Nx])");
        }
        long c = features.size(1), nt = features.size(2), nx = features.size(3);
        if (c != spec.inputChannels()) {
            throw new IllegalArgumentException("input channels = " + c + ": the model expects exactly " + spec.inputChannels());
        }
        if (spec.family() == Family.FL && (nt != spec.latticeNt() || nx != spec.latticeNx())) {
            throw new IllegalArgumentException("lattice = " + nt + "x" + nx + ": this FL model is bound to "
                    + spec.latticeNt() + "x" + spec.latticeNx() + " (use an EQ or ST model for other sizes)");
        }
        int min = spec.minLatticeSize();
        if (nt < min || nx < min) {
            throw new IllegalArgumentException("lattice = " + nt + "x" + nx + ": too small for the kernels, need Nt, Nx >= " + min);
        }
    }

    /** Writes the model atomically ({@link AtomicFiles}). */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            ModelSerializer.writeModel(network, tmp.toFile(), true);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("spec", spec);
            meta.put("provenance", provenance);
            ModelSerializer.addObjectToFile(tmp.toFile(), ENTRY, JSON.writeValueAsString(meta));
            return null;
        });
    }

    /** Loads a model written by {@link #save}: network (with updater state), spec and provenance. */
    @SuppressWarnings("unchecked")
    public static LatticeModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("file = " + file + ": no such model file");
        File f = file.toFile();
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(f, true);
        ViewGradientUpdater.install(net);
        String json;
        try {
            json = ModelSerializer.getObjectFromFile(f, ENTRY);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("file = " + file + ": not a latticeq model (no " + ENTRY + " entry)", e);
        }
        var tree = JSON.readTree(json);
        ArchitectureSpec spec = JSON.treeToValue(tree.get("spec"), ArchitectureSpec.class);
        Map<String, String> prov = JSON.treeToValue(tree.get("provenance"), Map.class);
        return new LatticeModel(spec, net, prov);
    }
}
