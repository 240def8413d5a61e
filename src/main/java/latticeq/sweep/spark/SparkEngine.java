package latticeq.sweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import latticeq.nn.Nd4jThreads;
import latticeq.progress.ProgressGroup;
import latticeq.progress.ProgressListener;
import latticeq.sweep.DatasetCache;
import latticeq.sweep.SweepEngine;
import latticeq.sweep.SweepTask;
import latticeq.sweep.TaskContext;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Each task of a sweep is one Spark task (one partition of one element, so Spark schedules,
 * retries and places every training on its own); the results are collected to the driver and put
 * back in task order. On the executors every task runs with a one-thread OpenMP team and ND4J's
 * single-threaded ops (as in the kernel and {@link latticeq.sweep.LocalEngine}), so the bits are those of
 * the local engine whatever the executor, the number of executors or a retry.
 *
 * <p>Datasets are made on the executor by spec ({@link DatasetCache}): under
 * {@code spark.latticeq.datasets} when set, else under the driver's dataset directory when the
 * executor sees that path (same host or a shared file system), else under the executor's
 * {@code java.io.tmpdir}/latticeq-datasets; in every case loaded or generated once per executor JVM.
 *
 * <p>With a cluster master the jar holding this class is shipped to the executors ({@code spark.jars})
 * and the executors' class path gets the library's dependencies from the same path as on the
 * driver ({@code spark.executor.extraClassPath}, default: {@code lib/*} beside the jar, as
 * {@code target/lib}), unless spark-submit or the caller set them.
 */
public final class SparkEngine implements SweepEngine {
    /** Where executors keep generated datasets (a path on the executor's host). */
    public static final String DATASETS_CONF = "spark.latticeq.datasets";
    /** The driver's dataset directory, tried by executors before their temporary directory. */
    static final String DRIVER_DATASETS_CONF = "spark.latticeq.driverDatasets";

    /**
     * The Java 17 module flags Spark 3.5 needs in every JVM it runs in (its launcher's
     * JavaModuleOptions); our scripts pass them to the kernel, the tests and the cluster's JVMs.
     */
    public static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    private final SparkConf conf;
    private JavaSparkContext context;

    private SparkEngine(SparkConf conf) {
        this.conf = conf;
    }

    /**
     * The engine on {@code master} (null or blank: the master spark-submit set, else {@code local[*]}
     * in this JVM); the Spark context starts with the first sweep and lives until {@link #close}.
     *
     * @param datasets the driver's dataset cache directory
     */
    public static SparkEngine create(String master, Path datasets) {
        return new SparkEngine(conf(master, datasets));
    }

    /** An engine with the given configuration (tests, programs that configure Spark themselves). */
    public static SparkEngine create(SparkConf conf) {
        return new SparkEngine(conf.clone());
    }

    /** The configuration {@link #create(String, Path)} uses: spark.* system properties, then ours where unset. */
    public static SparkConf conf(String master, Path datasets) {
        SparkConf c = new SparkConf();
        if (master != null && !master.isBlank()) c.setMaster(master.trim());
        else if (!c.contains("spark.master")) c.setMaster("local[*]");
        c.setIfMissing("spark.app.name", "latticeq sweep");
        c.setIfMissing("spark.ui.showConsoleProgress", "false");   // the sweep's own progress bar shows it
        c.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        c.setIfMissing("spark.executor.extraJavaOptions", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        if (datasets != null) c.setIfMissing(DRIVER_DATASETS_CONF, datasets.toAbsolutePath().normalize().toString());
        if (!isLocal(c.get("spark.master"))) shipLibrary(c);
        return c;
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    private static void shipLibrary(SparkConf c) {
        Path jar;
        try {
            jar = Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isRegularFile(jar)) return;   // classes from a directory: the caller ships them
        String jars = c.get("spark.jars", "");
        if (!jars.contains(jar.getFileName().toString())) c.set("spark.jars", jars.isEmpty() ? jar.toString() : jars + "," + jar);
        Path lib = jar.resolveSibling("lib");
        c.setIfMissing("spark.executor.extraClassPath", (Files.isDirectory(lib) ? lib : jar.getParent()).resolve("*").toString());
    }

    /** The Spark context, started on first use (tests add listeners to it). */
    public synchronized JavaSparkContext context() {
        if (context == null) context = new JavaSparkContext(SparkContext.getOrCreate(conf));
        return context;
    }

    @Override
    public <R extends Serializable> List<R> run(List<? extends SweepTask<R>> tasks, ProgressGroup progress) throws IOException {
        JavaSparkContext sc = context();
        List<Indexed> items = new ArrayList<>();
        List<ProgressListener> members = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            items.add(new Indexed(i, tasks.get(i)));
            members.add(progress.member(i, tasks.get(i).label()));
        }
        String group = "latticeq-sweep-" + UUID.randomUUID();
        Progress listener = new Progress(group, members);
        sc.sc().addSparkListener(listener);
        sc.setJobGroup(group, tasks.size() + " sweep tasks", false);
        List<Indexed> results;
        try {
            results = sc.parallelize(items, items.size()).map(new Execute(conf.get(DATASETS_CONF, ""), conf.get(DRIVER_DATASETS_CONF, ""))).collect();
        } catch (Exception e) {   // Spark throws its checked SparkException undeclared
            throw unwrap(e);
        } finally {
            sc.clearJobGroup();
            sc.sc().removeSparkListener(listener);
        }
        Object[] ordered = new Object[tasks.size()];
        for (Indexed r : results) ordered[r.index()] = r.value();
        List<R> out = new ArrayList<>();
        for (int i = 0; i < ordered.length; i++) {
            if (ordered[i] == null) throw new IllegalStateException("Spark returned no result for task " + i + " (" + tasks.get(i).label() + ")");
            @SuppressWarnings("unchecked") R r = (R) ordered[i];
            out.add(r);
        }
        return out;
    }

    /** A task's failure as the task's own exception where Spark kept it, else Spark's. */
    private static RuntimeException unwrap(Exception e) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) throw u.getCause();
            if (t instanceof IllegalArgumentException iae) return iae;
        }
        if (e instanceof RuntimeException r && !(e instanceof SparkException)) return r;
        return new IllegalStateException("the sweep failed on Spark: " + e.getMessage(), e);
    }

    @Override
    public int parallelism() {
        return context == null ? 0 : context.defaultParallelism();
    }

    @Override
    public String describe() {
        return "spark " + conf.get("spark.master");
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }

    /** A task or a result with its position in the sweep. */
    record Indexed(int index, Object value) implements Serializable {}

    /** Runs one task on an executor. */
    static final class Execute implements Function<Indexed, Indexed> {
        private static final long serialVersionUID = 1L;
        private static boolean ready;
        private final String datasets;
        private final String driverDatasets;

        Execute(String datasets, String driverDatasets) {
            this.datasets = datasets;
            this.driverDatasets = driverDatasets;
        }

        @Override
        public Indexed call(Indexed item) throws Exception {
            prepareJvm();
            Nd4jThreads.openMpThreadsOfThisThread(1);
            DatasetCache cache = DatasetCache.at(datasetRoot());
            SweepTask<?> task = (SweepTask<?>) item.value();
            TaskContext context = TaskContext.of(cache, ProgressListener.none());
            try {
                return new Indexed(item.index(), task.run(context));
            } catch (IOException e) {
                throw new UncheckedIOException(task.label() + ": " + e.getMessage(), e);
            }
        }

        /** ND4J's ops single-threaded in the executor JVM, as the kernel sets them (KernelMain). */
        private static synchronized void prepareJvm() {
            if (!ready) {
                Nd4jThreads.singleThreadedOps();
                ready = true;
            }
        }

        private Path datasetRoot() {
            if (!datasets.isEmpty()) return Path.of(datasets);
            if (!driverDatasets.isEmpty() && Files.isDirectory(Path.of(driverDatasets))) return Path.of(driverDatasets);
            return Path.of(System.getProperty("java.io.tmpdir"), "latticeq-datasets");
        }
    }

    /** The sweep's progress from Spark's task events (attempts that fail are retried and not counted). */
    private static final class Progress extends SparkListener {
        private final String group;
        private final List<ProgressListener> members;
        private final Set<Integer> stages = new HashSet<>();

        Progress(String group, List<ProgressListener> members) {
            this.group = group;
            this.members = members;
        }

        @Override
        public synchronized void onJobStart(SparkListenerJobStart job) {
            if (job.properties() != null && group.equals(job.properties().getProperty("spark.jobGroup.id"))) {
                for (Object id : scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds())) stages.add((Integer) id);
            }
        }

        @Override
        public synchronized void onTaskStart(SparkListenerTaskStart start) {
            if (stages.contains(start.stageId())) {
                members.get(start.taskInfo().index()).update(0, 1, "running on executor " + start.taskInfo().executorId());
            }
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            if (!stages.contains(end.stageId())) return;
            ProgressListener m = members.get(end.taskInfo().index());
            if (end.taskInfo().successful()) {
                m.update(1, 1, "done on executor " + end.taskInfo().executorId());
                m.finish();
            } else {
                m.update(0, 1, "attempt " + (end.taskInfo().attemptNumber() + 1) + " failed on executor "
                        + end.taskInfo().executorId() + ", Spark retries it");
            }
        }
    }
}
