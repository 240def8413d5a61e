package latticeq.cli;

import picocli.CommandLine.Option;

/** Lattice size shared by the single-lattice commands. */
final class LatticeOptions {
    @Option(names = "--nt", description = "temporal extent N_t (>= 2), default ${DEFAULT-VALUE}", defaultValue = "60")
    int nt;

    @Option(names = "--nx", description = "spatial extent N_x (>= 2), default ${DEFAULT-VALUE}", defaultValue = "4")
    int nx;
}
