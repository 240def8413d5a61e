package latticeq.sweep.spark;

import latticeq.experiment.PaperProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import latticeq.data.DatasetSpec;
import latticeq.experiment.ArchitectureSearch;
import latticeq.experiment.MuGrid;
import latticeq.experiment.StudyPlan;
import latticeq.experiment.TrainedModel;
import latticeq.experiment.TrainingTask;
import latticeq.nn.Family;
import latticeq.nn.Nd4jThreads;
import latticeq.sweep.DatasetCache;
import latticeq.sweep.LocalEngine;
import latticeq.sweep.Sweep;
import latticeq.sweep.SweepEngine;
import org.apache.spark.SparkConf;

/**
 * The seed-1 sweep (notebook 03's trainings: families x training sizes x runs) at a medium budget
 * on the three engines: the local engine with one training per core (the best thread split,
 * environment/bench-thread-split.sh), Spark local[k] in this JVM, and a standalone cluster of k
 * one-core workers on 127.0.0.1. Prints wall time, the start-up of each engine, the overhead per
 * task ((k x wall - sum of the trainings' own seconds) / tasks) and the ratio of each wall time to
 * the local engine's, measured in the same run; checks that every engine trained the same bits.
 * Run by environment/bench-sweep.sh (arguments: pool per mu, sizes, runs, epochs, work dir).
 */
public final class SweepBenchmark {
    public static void main(String[] args) throws Exception {
        int perMu = Integer.parseInt(args[0]);
        List<Integer> sizes = Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList();
        int runs = Integer.parseInt(args[2]), epochs = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]).toAbsolutePath();
        int k = Runtime.getRuntime().availableProcessors();
        Nd4jThreads.singleThreadedOps();   // as the kernel and the Spark executors
        StudyPlan plan = new StudyPlan(MuGrid.defaults(), perMu, 10, 200, 10, 210314686L);
        DatasetSpec pool = plan.training(), validation = plan.validation();
        Path datasets = work.resolve("datasets");
        long t0 = System.nanoTime();
        DatasetCache.at(datasets).get(pool);
        DatasetCache.at(datasets).get(validation);
        System.out.printf("datasets: pool %d, validation %d configurations (%.1f s, not counted below)%n", pool.size(), validation.size(), secs(t0));
        List<TrainingTask> tasks = new ArrayList<>();
        List<Integer> largestFirst = new ArrayList<>(sizes);
        largestFirst.sort((a, b) -> b - a);
        for (int n : largestFirst) for (Family f : Family.values()) for (int r = 0; r < runs; r++) {
            tasks.add(TrainingTask.regression(ArchitectureSearch.defaultSpec(f, StudyPlan.TRAIN_LATTICE), pool, validation, n,
                    PaperProtocol.PAPER.withEpochs(100, epochs, epochs).config(n, 7 + r)).withLabel(f + " N=" + n + " run " + r));
        }
        System.out.printf("sweep: %d trainings (%s x sizes %s x %d runs), %d epochs each, %d cores%n", tasks.size(),
                Arrays.toString(Family.values()), sizes, runs, epochs, k);

        // the JIT warms up on a short sweep first, so that the local engine (measured first) is not charged for it
        List<TrainingTask> warmUp = new ArrayList<>();
        for (Family f : Family.values()) {
            warmUp.add(TrainingTask.regression(ArchitectureSearch.defaultSpec(f, StudyPlan.TRAIN_LATTICE), pool, validation, sizes.get(0),
                    PaperProtocol.PAPER.withEpochs(100, 2, 2).config(sizes.get(0), 1)).withLabel(f + " warm-up"));
        }
        t0 = System.nanoTime();
        try (SweepEngine engine = new LocalEngine(k, datasets)) {
            Sweep.of(warmUp).run(engine);
        }
        System.out.printf("warm-up: %d short trainings on the local engine (%.1f s, not counted)%n", warmUp.size(), secs(t0));

        t0 = System.nanoTime();
        List<TrainedModel> local;
        try (SweepEngine engine = new LocalEngine(k, datasets)) {
            local = Sweep.of(tasks).run(engine);
        }
        double localWall = secs(t0);
        report("local, " + k + " x 1 thread", 0, localWall, local, k, localWall);

        SparkConf embedded = SparkEngine.conf("local[" + k + "]", datasets).set("spark.ui.enabled", "false");
        measure("spark local[" + k + "]", embedded, tasks, local, k, localWall, 0);

        t0 = System.nanoTime();
        try (StandaloneCluster cluster = StandaloneCluster.start(Path.of("target", "spark"), Path.of("target", "lib").toAbsolutePath() + "/*",
                k, 1, "1536m", Files.createDirectories(work.resolve("cluster")))) {
            double clusterStart = secs(t0);
            SparkConf conf = SparkEngine.conf(cluster.masterUrl(), datasets).set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false").set("spark.executor.memory", "1g")
                    .set("spark.cores.max", String.valueOf(k)).set("spark.scheduler.minRegisteredResourcesRatio", "1.0");
            measure("standalone 127.0.0.1, " + k + " workers x 1 core", conf, tasks, local, k, localWall, clusterStart);
        }
    }

    private static void measure(String name, SparkConf conf, List<TrainingTask> tasks, List<TrainedModel> local, int slots,
                                double localWall, double clusterStart) throws Exception {
        long t0 = System.nanoTime();
        try (SparkEngine engine = SparkEngine.create(conf)) {
            engine.context();
            double start = secs(t0) + clusterStart;
            List<TrainedModel> out = Sweep.of(tasks).run(engine);
            double wall = secs(t0) + clusterStart;
            report(name, start, wall, out, slots, localWall);
            for (int i = 0; i < out.size(); i++) {
                if (!local.get(i).validationLoss().equals(out.get(i).validationLoss())
                        || !Arrays.equals(SmallSweep.parameters(local.get(i)), SmallSweep.parameters(out.get(i)))) {
                    throw new IllegalStateException(name + ": task " + i + " (" + tasks.get(i).label() + ") differs from the local engine's");
                }
            }
            System.out.println("  same bits as the local engine: yes (" + out.size() + " networks)");
        }
    }

    private static void report(String name, double start, double wall, List<TrainedModel> out, int slots, double localWall) {
        double training = out.stream().mapToDouble(TrainedModel::seconds).sum();
        System.out.printf("%-40s wall %7.1f s (start-up %5.1f s)  trainings %7.1f s  overhead per task %5.2f s  ratio to local %.2f%n",
                name, wall, start, training, (slots * wall - training) / out.size(), wall / localWall);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
