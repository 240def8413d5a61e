package latticeq.sweep.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import latticeq.experiment.TrainedModel;
import latticeq.experiment.TrainingTask;
import latticeq.nn.Nd4jThreads;
import latticeq.sweep.LocalEngine;
import latticeq.sweep.Sweep;
import latticeq.sweep.SweepEngine;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 (a master and two one-core workers, separate JVMs
 * from the Maven-resolved jars in target/spark/jars), driven by this JVM with the packaged
 * target/latticeq.jar shipped to the executors: a small seed-1 sweep gives the local engine's bits,
 * also when a worker is killed in the middle of the sweep. Run by failsafe after the jar is built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    @TempDir
    static Path dir;
    static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        Nd4jThreads.singleThreadedOps();   // as the kernel and the executors
        SmallSweep.prepare(dir.resolve("datasets"));
        cluster = StandaloneCluster.start(Path.of("target", "spark"), Path.of("target", "lib").toAbsolutePath() + "/*", 2, 1, "1536m",
                dir.resolve("cluster"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) cluster.close();
    }

    static List<TrainedModel> local(List<TrainingTask> tasks) throws IOException {
        try (SweepEngine engine = new LocalEngine(1, dir.resolve("datasets"))) {
            return Sweep.of(tasks).run(engine);
        }
    }

    static SparkConf conf() {
        return SparkEngine.conf(cluster.masterUrl(), dir.resolve("datasets"))
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.executor.memory", "1g")
                // start the sweep once both executors are there, so both take tasks from the start
                .set("spark.scheduler.minRegisteredResourcesRatio", "1.0").set("spark.cores.max", "2")
                .set("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
    }

    @Test
    @Order(1)
    void aSweepOnTheClusterGivesTheLocalBits() throws IOException {
        List<TrainingTask> tasks = SmallSweep.tasks(2, 3);
        List<TrainedModel> onCluster;
        Set<String> executors = new HashSet<>();
        try (SparkEngine engine = SparkEngine.create(conf())) {
            assertTrue(engine.describe().startsWith("spark spark://127.0.0.1:"), engine.describe());
            assertTrue(conf().get("spark.jars").endsWith("latticeq.jar"), "the packaged library is shipped: " + conf().get("spark.jars", ""));
            engine.context().sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    synchronized (executors) {
                        executors.add(end.taskInfo().executorId());
                    }
                }
            });
            onCluster = Sweep.of(tasks).run(engine);
        }
        SmallSweep.assertSameBits(local(tasks), onCluster);
        assertEquals(2, executors.size(), "both workers' executors trained: " + executors);
    }

    @Test
    @Order(2)
    void aWorkerKilledInTheMiddleOfTheSweepChangesNothing() throws IOException {
        List<TrainingTask> tasks = SmallSweep.tasks(2, 40);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger failedAttempts = new AtomicInteger(), removedExecutors = new AtomicInteger();
        Set<String> busy = new HashSet<>();
        List<TrainedModel> onCluster;
        try (SparkEngine engine = SparkEngine.create(conf())) {
            engine.context().sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart start) {
                    synchronized (busy) {
                        busy.add(start.taskInfo().executorId());
                        // both executors run a task: worker 0's executor dies in the middle of one
                        if (busy.size() == 2 && killed.compareAndSet(false, true)) new Thread(() -> cluster.killWorker(0)).start();
                    }
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (!end.taskInfo().successful()) failedAttempts.incrementAndGet();
                }

                @Override
                public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                    removedExecutors.incrementAndGet();
                }
            });
            onCluster = Sweep.of(tasks).run(engine);
        }
        assertTrue(killed.get(), "worker 0 was killed during the sweep");
        assertTrue(failedAttempts.get() >= 1, "the killed executor's running task failed and was retried: " + failedAttempts + " failed attempts");
        assertTrue(removedExecutors.get() >= 1, "Spark saw the executor go");
        SmallSweep.assertSameBits(local(tasks), onCluster);
    }
}
