package latticeq.cli;

import picocli.CommandLine.Option;

/** The couplings eta and lambda shared by the sampling commands (exact has lambda = 0 and requires eta). */
final class CouplingOptions {
    @Option(names = "--eta", description = "mass parameter eta = 4 + m^2, default ${DEFAULT-VALUE}", defaultValue = "4.01")
    double eta;

    @Option(names = "--lambda", description = "quartic coupling (>= 0), default ${DEFAULT-VALUE}", defaultValue = "1.0")
    double lambda;
}
