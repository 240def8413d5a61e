package latticeq.cli;

import java.io.PrintWriter;
import latticeq.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command line entry point: {@code latticeq sample|generate|exact ...}.
 *
 * <p>Bad arguments (unknown options, unparsable or out-of-range values) end with exit code 2 and
 * one line on stderr naming the argument; results go to stdout as JSON, progress to stderr.
 */
@Command(name = "latticeq", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Dual worm sampler for 2D complex phi^4 at chemical potential, datasets, exact free-field values.",
        subcommands = {SampleCommand.class, GenerateCommand.class, ExactCommand.class, TrainCommand.class})
public final class Main implements Runnable {

    /** Exit code of a usage error (bad or missing argument). */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: need one of sample, generate, exact (see --help)");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err));
    }

    /** Runs the command line with the given streams and returns the exit code (for in-process tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getCommandLine().getCommandName() + ": " + oneLine(ex.getMessage()));
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                // validation in the library (Phi4Params, Lattice, DatasetSpec) names the parameter
                err.println(commandLine.getCommandName() + ": " + oneLine(ex.getMessage()));
                err.flush();
                return USAGE;
            }
            err.println(commandLine.getCommandName() + ": error: " + oneLine(String.valueOf(ex.getMessage())));
            err.flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"latticeq " + Version.get()};
        }
    }
}
