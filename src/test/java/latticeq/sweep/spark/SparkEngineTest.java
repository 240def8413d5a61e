package latticeq.sweep.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import latticeq.experiment.FitResult;
import latticeq.experiment.ModelStore;
import latticeq.experiment.TrainedModel;
import latticeq.experiment.TrainingTask;
import latticeq.experiment.Trainings;
import latticeq.nn.Nd4jThreads;
import latticeq.progress.ProgressListener;
import latticeq.sweep.LocalEngine;
import latticeq.sweep.Sweep;
import latticeq.sweep.SweepEngine;
import latticeq.sweep.SweepEngines;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine embedded in this JVM (local[2]) against the local engine: same tasks, same bits. */
class SparkEngineTest {
    @TempDir
    static Path dir;
    static List<TrainingTask> tasks;
    static List<TrainedModel> local;

    @BeforeAll
    static void localRun() throws IOException {
        Nd4jThreads.singleThreadedOps();   // as the kernel (KernelMain) and the Spark executors
        SmallSweep.prepare(dir.resolve("datasets"));
        tasks = SmallSweep.tasks(2, 3);
        try (SweepEngine engine = new LocalEngine(Math.min(2, Runtime.getRuntime().availableProcessors()), dir.resolve("datasets"))) {
            local = Sweep.of(tasks).run(engine);
        }
    }

    @Test
    void localTwoGivesTheBitsOfTheLocalEngineInAnyTaskOrder() throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(3));
        List<TrainingTask> shuffled = order.stream().map(tasks::get).toList();
        // executors read the datasets from a directory of their own: generated there by spec
        SparkConf conf = SparkEngine.conf("local[2]", dir.resolve("datasets")).set(SparkEngine.DATASETS_CONF, dir.resolve("executor").toString());
        List<TrainedModel> spark;
        try (SparkEngine engine = SparkEngine.create(conf)) {
            spark = Sweep.of(shuffled).run(engine);
            assertEquals("spark local[2]", engine.describe());
        }
        List<TrainedModel> expected = order.stream().map(local::get).toList();
        SmallSweep.assertSameBits(expected, spark);
        assertTrue(dir.resolve("executor").toFile().list().length >= 2, "the executor generated both datasets by spec");
    }

    @Test
    void trainingsStoreWhatTheEngineTrainedAndLoadItAfterwards() throws IOException {
        ModelStore store = new ModelStore(dir.resolve("models"));
        List<TrainingTask> some = List.of(tasks.get(0), tasks.get(3), tasks.get(0));   // a duplicate trains once
        List<FitResult> first;
        try (Trainings trainings = new Trainings(SparkEngine.create("local[2]", dir.resolve("datasets")), store)) {
            first = trainings.run(some, ProgressListener.none());
        }
        assertFalse(first.get(0).cached());
        assertSame(first.get(0), first.get(2));
        assertArrayEquals(SmallSweep.parameters(local.get(3)), first.get(1).network().params().dup().data().asFloat());
        try (Trainings again = new Trainings(new LocalEngine(1, dir.resolve("datasets")), store)) {
            List<FitResult> second = again.run(some, ProgressListener.none());
            assertTrue(second.stream().allMatch(FitResult::cached), "loaded from the store");
            assertArrayEquals(first.get(1).validationLoss(), second.get(1).validationLoss(), 0.0);
        }
    }

    @Test
    void theEnvironmentPicksTheEngine() {
        Path d = dir.resolve("datasets");
        try (SweepEngine e = SweepEngines.fromSettings(java.util.Map.of(), d, 1)) {
            assertInstanceOf(LocalEngine.class, e);
        }
        try (SweepEngine e = SweepEngines.fromSettings(java.util.Map.of(SweepEngines.ENGINE, "spark"), d, 1)) {
            assertEquals("spark local[*]", e.describe());
        }
        try (SweepEngine e = SweepEngines.fromSettings(java.util.Map.of(SweepEngines.ENGINE, "spark", SweepEngines.MASTER, "local[2]"), d, 1)) {
            assertEquals("spark local[2]", e.describe());
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SweepEngines.fromSettings(java.util.Map.of(SweepEngines.ENGINE, "dask"), d, 1));
        assertEquals("LATTICEQ_SWEEP = dask is not allowed: need local or spark", bad.getMessage());
    }
}
