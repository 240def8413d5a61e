package latticeq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import latticeq.data.DatasetGenerator;
import latticeq.data.DatasetIO;
import latticeq.data.DatasetSpec;
import latticeq.data.LatticeDataset;
import latticeq.lattice.Lattice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code generate}: datasets of configurations and targets, one directory per lattice size. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates datasets: for each lattice size one directory OUT/<N_t>x<N_x> with configs.npy",
            "(int32 [N,4,N_t,N_x], channels k_t,k_x,l_t,l_x), targets.npy (float64 [N,2], n and |phi|^2),",
            "mu.npy (float64 [N]) and manifest.json. One Markov chain per (size, mu), seeded from --seed."})
final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--sizes", split = ",", defaultValue = "60x4", description = "lattice sizes N_txN_x, comma separated, default ${DEFAULT-VALUE}")
    List<String> sizes;

    @Option(names = "--mu", split = ",", required = true, description = "chemical potentials, comma separated")
    List<Double> mus;

    @Option(names = "--configs-per-mu", defaultValue = "500", description = "configurations per mu and size (>= 1), default ${DEFAULT-VALUE}")
    int configsPerMu;

    @Mixin
    CouplingOptions couplings;

    @Option(names = "--therm", defaultValue = "1000", description = "thermalization sweeps per chain (>= 0), default ${DEFAULT-VALUE}")
    int therm;

    @Option(names = "--decorrelation", defaultValue = "20", description = "sweeps between saved configurations (>= 1), default ${DEFAULT-VALUE}")
    int decorrelation;

    @Mixin
    WormsPerSweepOption wormsPerSweep;

    @Option(names = "--seed", defaultValue = "1", description = "master seed, default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--threads", description = "worker threads (>= 1), default: available processors")
    Integer threads;

    @Option(names = "--no-shuffle", description = "keep samples grouped by mu (default: shuffled over mu, seeded)")
    boolean noShuffle;

    @Option(names = "--quiet", description = "no progress line on stderr")
    boolean quiet;

    /** --out is checked (and created) before any sampling: a bad folder must not cost a generation first. */
    private void checkOut() {
        String text = out == null ? "" : out.toString();
        if (text.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out = '" + text + "' is not allowed: need a directory path");
        }
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out = " + text + " is not allowed: it is a file, need a directory");
        }
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException | SecurityException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out = " + text + " is not allowed: cannot create it ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!java.nio.file.Files.isWritable(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out = " + text + " is not allowed: not writable");
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Lattice> lattices = new ArrayList<>();
        for (String s : sizes) {
            String[] parts = s.trim().split("x");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                lattices.add(new Lattice(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sizes = " + s + " is not allowed: need N_txN_x like 60x4");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sizes = " + s + " is not allowed: " + e.getMessage());
            }
        }
        for (int i = 0; i < lattices.size(); i++) {
            if (lattices.indexOf(lattices.get(i)) != i) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sizes = " + String.join(",", sizes)
                        + " is not allowed: " + lattices.get(i) + " appears twice");
            }
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads = " + threads + " is not allowed: need >= 1");
        }
        wormsPerSweep.validate(spec.commandLine());
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<DatasetSpec> specs = new ArrayList<>();
        for (Lattice lat : lattices) {
            int wps = wormsPerSweep.resolve(lat);
            specs.add(new DatasetSpec(lat.nt(), lat.nx(), couplings.eta, couplings.lambda, mus, configsPerMu, therm, decorrelation, wps, seed, !noShuffle));
        }
        checkOut();   // after every cheap check (nothing is created for a command that fails on its arguments), before any sampling
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = json.createArrayNode();
        for (DatasetSpec ds : specs) {
            long t0 = System.nanoTime();
            LatticeDataset data = DatasetGenerator.generate(ds, nThreads, new StderrProgress(spec.commandLine().getErr(), "generate", !quiet));
            double seconds = (System.nanoTime() - t0) * 1e-9;
            Path dir = out.resolve(ds.nt() + "x" + ds.nx());
            DatasetIO.write(data, dir);
            ObjectNode r = results.addObject();
            r.put("size", ds.nt() + "x" + ds.nx());
            r.put("dir", dir.toString());
            r.put("configs", data.size());
            r.put("seconds", seconds);
            ArrayNode perMu = r.putArray("mu");
            for (double mu : ds.mus()) {
                double n = 0, q = 0;
                int c = 0;
                for (int i = 0; i < data.size(); i++) {
                    if (data.mu(i) == mu) {
                        n += data.density(i);
                        q += data.phi2(i);
                        c++;
                    }
                }
                perMu.addObject().put("mu", mu).put("mean_n", n / c).put("mean_phi2", q / c);
            }
        }
        spec.commandLine().getOut().println(results.toString());
        return 0;
    }
}
