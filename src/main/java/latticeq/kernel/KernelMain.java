package latticeq.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point Jupyter runs (see environment/kernel.json):
 * {@code java -cp <lib>/* latticeq.kernel.KernelMain <connection file>}.
 */
public final class KernelMain {
    /** Held so the level setting is not garbage-collected with the logger. */
    private static final Logger BASE_KERNEL_LOG = Logger.getLogger("io.github.spencerpark");

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("arguments = " + args.length
                    + ": need exactly one, the connection file Jupyter passes as {connection_file}");
        }
        // The base kernel logs every message at INFO on stderr; Jupyter shows that in its console.
        BASE_KERNEL_LOG.setLevel(Level.WARNING);
        // ND4J's small ops on one thread; the convolutions (oneDNN) keep one OpenMP thread per core.
        latticeq.nn.Nd4jThreads.singleThreadedOps();
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("connection file = " + connectionFile + " does not exist");
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(
                Files.readString(connectionFile, StandardCharsets.UTF_8));
        // the log's console handler binds to the real stderr now, before it is replaced: log lines
        // stay in the log and never show up in a cell as "printed after the previous cell"
        Logger.getLogger("").getHandlers();
        BetweenCellsOutput[] betweenCells = BetweenCellsOutput.install();
        LatticeqKernel kernel = new LatticeqKernel(System.getProperty("java.class.path"));
        kernel.showLateOutputFrom(betweenCells);
        // Jupyter interrupts a kernel with SIGINT; the JVM's default is to exit. Stop the cell instead.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        ExitTrap.install();
        ParentWatch.start();
        JupyterConnection connection = new JupyterConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0); // library threads (ND4J) must not keep a shut-down kernel alive
    }
}
