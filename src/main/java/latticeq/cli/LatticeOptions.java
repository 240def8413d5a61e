package latticeq.cli;

import picocli.CommandLine.Option;

/** Lattice size and couplings shared by the commands. */
final class LatticeOptions {
    @Option(names = "--nt", description = "temporal extent N_t (>= 2), default ${DEFAULT-VALUE}", defaultValue = "60")
    int nt;

    @Option(names = "--nx", description = "spatial extent N_x (>= 2), default ${DEFAULT-VALUE}", defaultValue = "4")
    int nx;

    @Option(names = "--eta", description = "mass parameter eta = 4 + m^2, default ${DEFAULT-VALUE}", defaultValue = "4.01")
    double eta;

    @Option(names = "--lambda", description = "quartic coupling (>= 0), default ${DEFAULT-VALUE}", defaultValue = "1.0")
    double lambda;
}
