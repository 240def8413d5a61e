package latticeq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import latticeq.lattice.Lattice;
import latticeq.phi4.FreeField;
import latticeq.phi4.Phi4Params;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exact}: the free-field (lambda = 0) values of n and |phi|^2 from the momentum sum. */
@Command(name = "exact", mixinStandardHelpOptions = true,
        description = "Prints the exact lambda = 0 values <n>, <|phi|^2> on the finite periodic lattice as JSON.")
final class ExactCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--nt", defaultValue = "60", description = "temporal extent N_t (>= 2), default ${DEFAULT-VALUE}")
    int nt;

    @Option(names = "--nx", defaultValue = "4", description = "spatial extent N_x (>= 2), default ${DEFAULT-VALUE}")
    int nx;

    @Option(names = "--eta", required = true, description = "mass parameter, > 2 + 2 cosh(mu)")
    double eta;

    @Option(names = "--mu", defaultValue = "0", description = "chemical potential, default ${DEFAULT-VALUE}")
    double mu;

    @Override
    public Integer call() {
        Lattice lat = new Lattice(nt, nx);
        Phi4Params p = new Phi4Params(eta, 0, mu);
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("n", FreeField.density(lat, p));
        o.put("phi2", FreeField.phi2(lat, p));
        o.put("nt", nt);
        o.put("nx", nx);
        o.put("eta", eta);
        o.put("lambda", 0.0);
        o.put("mu", mu);
        spec.commandLine().getOut().println(o.toString());
        return 0;
    }
}
