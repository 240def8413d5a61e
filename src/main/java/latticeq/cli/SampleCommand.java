package latticeq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import latticeq.Version;
import latticeq.lattice.Lattice;
import latticeq.phi4.DualSampler;
import latticeq.phi4.FreeField;
import latticeq.phi4.MonteCarloRun;
import latticeq.phi4.Phi4Params;
import latticeq.phi4.ReferenceWormSampler;
import latticeq.phi4.WormSampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sample}: one Markov chain, Gamma-method estimates of n and |phi|^2, one JSON object on stdout. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Runs the dual worm sampler and prints <n>, <|phi|^2> with errors and autocorrelation times as JSON.",
            "A sweep is one Metropolis pass over all l links plus --worms-per-sweep complete worms;",
            "n and |phi|^2 are measured after every measurement sweep."})
final class SampleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LatticeOptions lattice;

    @Mixin
    CouplingOptions couplings;

    @Option(names = "--mu", required = true, description = "chemical potential")
    double mu;

    @Option(names = "--therm", defaultValue = "1000", description = "thermalization sweeps (>= 0), default ${DEFAULT-VALUE}")
    int therm;

    @Option(names = "--measure", defaultValue = "10000", description = "measurement sweeps (>= 2, bounded by the memory of their time series), default ${DEFAULT-VALUE}")
    int measure;

    @Mixin
    WormsPerSweepOption wormsPerSweep;

    @Option(names = "--seed", defaultValue = "1", description = "random seed, default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--sampler", defaultValue = "fast", description = "fast or reference, default ${DEFAULT-VALUE}")
    String sampler;

    @Option(names = "--quiet", description = "no progress line on stderr")
    boolean quiet;

    /** Halves of the n series further apart than this many combined errors: a warning. */
    static final double DRIFT_SIGMAS = 6;
    /** A measurement shorter than this many tau_int of n: a warning. */
    static final double MIN_TAUS_PER_RUN = 50;

    @Override
    public Integer call() {
        if (therm < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--therm = " + therm + " is not allowed: need >= 0");
        }
        if (measure < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--measure = " + measure + " is not allowed: need >= 2");
        }
        // the time series of n and |phi|^2 and the copies their error analysis makes: about 4 doubles per sweep
        long maxMeasure = Runtime.getRuntime().maxMemory() / 2 / (4L * Double.BYTES);
        if (measure > maxMeasure) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--measure = " + measure + " is not allowed: its time series need about "
                    + (4L * Double.BYTES * measure >> 20) + " MiB, more than half of this JVM's " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB; need 2.." + maxMeasure + " (or a larger -Xmx)");
        }
        wormsPerSweep.validate(spec.commandLine());
        if (!sampler.equals("fast") && !sampler.equals("reference")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sampler = " + sampler + " is not allowed: need fast or reference");
        }
        Lattice lat = new Lattice(lattice.nt, lattice.nx);
        Phi4Params params = new Phi4Params(couplings.eta, couplings.lambda, mu);
        int wps = wormsPerSweep.resolve(lat);
        DualSampler s = sampler.equals("fast") ? new WormSampler(lat, params, wps, seed) : new ReferenceWormSampler(lat, params, wps, seed);
        var progress = new StderrProgress(spec.commandLine().getErr(), "sample", !quiet);
        MonteCarloRun run = MonteCarloRun.run(s, therm, measure, progress);

        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        o.put("n", run.densityEstimate().mean());
        o.put("n_err", run.densityEstimate().error());
        o.put("tau_n", run.densityEstimate().tauInt());
        o.put("phi2", run.phi2Estimate().mean());
        o.put("phi2_err", run.phi2Estimate().error());
        o.put("tau_phi2", run.phi2Estimate().tauInt());
        o.put("worms", run.worms());
        o.put("worm_steps", run.headSteps());
        o.put("seconds", run.seconds());
        o.put("worm_steps_per_second", run.headSteps() / run.seconds());
        o.put("steps_per_worm", (double) run.headSteps() / Math.max(1, run.worms()));
        o.put("nt", lat.nt());
        o.put("nx", lat.nx());
        o.put("eta", params.eta());
        o.put("lambda", params.lambda());
        o.put("mu", params.mu());
        o.put("therm", therm);
        o.put("measure", measure);
        o.put("worms_per_sweep", wps);
        o.put("seed", seed);
        o.put("sampler", sampler);
        o.put("version", Version.get());
        if (params.lambda() == 0) {
            o.put("exact_n", FreeField.density(lat, params));
            o.put("exact_phi2", FreeField.phi2(lat, params));
        }
        run.densityWarning(MIN_TAUS_PER_RUN, DRIFT_SIGMAS).ifPresent(warning -> {
            o.put("warning", warning);
            spec.commandLine().getErr().println("sample: warning: " + warning);
        });
        spec.commandLine().getOut().println(o.toString());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
