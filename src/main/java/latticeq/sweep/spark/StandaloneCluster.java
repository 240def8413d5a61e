package latticeq.sweep.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 made of Spark's own Master and Worker classes, started as
 * separate JVMs from the Maven-resolved jars (no Spark download): the tests' and the benchmark's
 * cluster, and a way to try the Spark engine on one machine. {@code sparkHome} must hold Spark's
 * jars in {@code jars/} (the build copies them to {@code target/spark/jars}): the workers build
 * their executors' class path from it, as on a real installation. Stopped by {@link #close} and,
 * should the JVM end first, by a shutdown hook, so no process outlives its owner.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Pattern ALIVE = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final String url;
    private final int webUiPort;
    private final Thread hook;

    private StandaloneCluster(Process master, String url, int webUiPort) {
        this.master = master;
        this.url = url;
        this.webUiPort = webUiPort;
        this.hook = new Thread(this::stopAll, "latticeq-standalone-cluster-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a master and {@code workers} workers, and returns once every worker has registered.
     *
     * @param sparkHome      folder whose jars/ holds Spark's jars
     * @param classPath      further class path of the master and worker JVMs (e.g. "target/lib/*" for SLF4J)
     * @param workers        workers, >= 1
     * @param coresPerWorker cores each worker offers, >= 1
     * @param workerMemory   memory each worker offers, e.g. "2g"
     * @param workDir        logs and the workers' work directories
     */
    public static StandaloneCluster start(Path sparkHome, String classPath, int workers, int coresPerWorker, String workerMemory,
                                          Path workDir) throws IOException {
        if (!Files.isDirectory(sparkHome.resolve("jars"))) {
            throw new IllegalArgumentException("sparkHome = " + sparkHome + ": no jars/ folder (mvn package copies Spark's jars to target/spark/jars)");
        }
        if (workers < 1) throw new IllegalArgumentException("workers = " + workers + ": need >= 1");
        if (coresPerWorker < 1) throw new IllegalArgumentException("coresPerWorker = " + coresPerWorker + ": need >= 1");
        Files.createDirectories(workDir);
        int port = freePort(), ui = freePort();
        String url = "spark://127.0.0.1:" + port;
        String cp = sparkHome.toAbsolutePath().resolve("jars") + "/*" + (classPath == null || classPath.isBlank() ? "" : ":" + classPath);
        Process master = launch(sparkHome, cp, workDir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(ui));
        StandaloneCluster cluster = new StandaloneCluster(master, url, ui);
        try {
            cluster.awaitPort(port, Duration.ofSeconds(60));
            for (int i = 0; i < workers; i++) {
                Path dir = workDir.resolve("worker-" + i);
                Files.createDirectories(dir);
                cluster.workers.add(launch(sparkHome, cp, workDir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--cores", String.valueOf(coresPerWorker), "--memory", workerMemory,
                        "--work-dir", dir.toAbsolutePath().toString(), "--webui-port", String.valueOf(freePort()), url));
            }
            cluster.awaitWorkers(workers, Duration.ofSeconds(90));
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static Process launch(Path sparkHome, String cp, Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(SparkEngine.JAVA_17_OPTIONS);
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toAbsolutePath().toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");   // the launcher's class path builder asks; jars/ is not a source build
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        return pb.start();
    }

    /** The master's URL, spark://127.0.0.1:port. */
    public String masterUrl() {
        return url;
    }

    public int workers() {
        return workers.size();
    }

    /** Kills worker {@code index} and its executors at once (SIGKILL), as a machine that dies. */
    public void killWorker(int index) {
        ProcessHandle h = workers.get(index).toHandle();
        h.descendants().forEach(ProcessHandle::destroyForcibly);
        h.destroyForcibly();
    }

    private void awaitPort(int port, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!master.isAlive()) throw new IOException("the Spark master ended at start (exit " + master.exitValue() + "); see master.log");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                sleep(200);
            }
        }
        throw new IOException("the Spark master did not open port " + port + " within " + timeout.toSeconds() + " s");
    }

    private void awaitWorkers(int n, Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        int alive = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < workers.size(); i++) {
                if (!workers.get(i).isAlive()) throw new IOException("Spark worker " + i + " ended at start; see worker-" + i + ".log");
            }
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = ALIVE.matcher(json);
                if (m.find()) alive = Integer.parseInt(m.group(1));
                if (alive >= n) return;
            } catch (IOException e) {
                // the web UI is not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the workers", e);
            }
            sleep(300);
        }
        throw new IOException(alive + " of " + n + " Spark workers registered within " + timeout.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process w : workers) {
            w.toHandle().descendants().forEach(all::add);
            all.add(w.toHandle());
        }
        all.add(master.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by nothing: the process was killed with SIGKILL and is gone or a zombie of ours
            }
        }
    }

    /** Stops the workers, their executors and the master. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}
