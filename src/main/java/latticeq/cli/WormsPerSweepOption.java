package latticeq.cli;

import latticeq.lattice.Lattice;
import latticeq.phi4.DualSampler;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --worms-per-sweep} for the commands that run the dual sampler: its check and its per-lattice default. */
final class WormsPerSweepOption {
    @Option(names = "--worms-per-sweep", description = "complete worms per sweep (1..1000000); default ceil(N_t N_x / 8) for each lattice")
    Integer value;

    /** Most worms per sweep: about 4 s per sweep at the sampler's measured speed, 10^3 to 10^5 times the default. */
    static final int MAX = 1_000_000;

    void validate(CommandLine commandLine) {
        if (value != null && (value < 1 || value > MAX)) {
            throw new CommandLine.ParameterException(commandLine, "--worms-per-sweep = " + value + " is not allowed: need 1.." + MAX);
        }
    }

    /** The given value, or {@link DualSampler#defaultWormsPerSweep} for this lattice when none was given. */
    int resolve(Lattice lattice) {
        return value != null ? value : DualSampler.defaultWormsPerSweep(lattice);
    }
}
