package latticeq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import latticeq.data.LatticeDataset;
import latticeq.data.Datasets;
import latticeq.experiment.ArchitectureSearch;
import latticeq.experiment.ArchitectureStore;
import latticeq.experiment.FitResult;
import latticeq.experiment.ModelStore;
import latticeq.experiment.PaperProtocol;
import latticeq.experiment.MuGrid;
import latticeq.experiment.StudyPlan;
import latticeq.experiment.TrainingTask;
import latticeq.experiment.Trainings;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Family;
import latticeq.nn.Nd4jThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train}: notebook 03's sweep of regression networks (families x training sizes x runs) on
 * the engine of {@code LATTICEQ_SWEEP} / {@code LATTICEQ_SPARK_MASTER}: in this JVM, or under
 * spark-submit on a cluster. The networks go into the model store under {@code --data}; with the
 * option values of a notebook budget they are the networks notebook 03 asks for, which it then loads.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains notebook 03's regression networks (EQ, ST, FL x training sizes x runs) as one sweep on the",
            "engine of LATTICEQ_SWEEP (local | spark) and LATTICEQ_SPARK_MASTER, into the model store DATA/models",
            "(datasets by spec in DATA/datasets). Defaults: the paper budget. Prints one JSON object per network."})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "notebooks/data", description = "the notebooks' data folder (datasets/, models/), default ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--architectures", description = "folder of searched architectures (best-<family>.json, notebook 07); default: the default architectures")
    Path architectures;

    @Option(names = "--train-per-mu", defaultValue = "2500", description = "pool configurations per training mu (notebook TRAIN_PER_MU), default ${DEFAULT-VALUE}")
    int trainPerMu;

    @Option(names = "--therm", defaultValue = "5000", description = "thermalization sweeps (THERM_SWEEPS), default ${DEFAULT-VALUE}")
    int therm;

    @Option(names = "--decorrelation", defaultValue = "60", description = "sweeps between configurations (DECORRELATION_SWEEPS), default ${DEFAULT-VALUE}")
    int decorrelation;

    @Option(names = "--data-seed", defaultValue = "210314686", description = "dataset seed (DATA_SEED), default ${DEFAULT-VALUE}")
    long dataSeed;

    // the training options default to the paper's protocol (PaperProtocol.PAPER), kept in that one record
    @Option(names = "--sizes", split = ",",
            description = "training sizes below the pool's size; the whole pool is always trained too, default the paper's 50,200,2000,20000")
    List<Integer> sizes;

    @Option(names = "--runs", description = "runs per setting (RUNS), default the paper's 3")
    Integer runs;

    @Option(names = "--max-epochs", description = "epoch bound (MAX_EPOCHS), default the paper's 1000")
    Integer maxEpochs;

    @Option(names = "--patience", description = "early-stopping patience (PATIENCE), default the paper's 25")
    Integer patience;

    @Option(names = "--train-seed", description = "seed of run 0; run r uses seed + r (TRAIN_SEED), default 7")
    Long trainSeed;

    @Option(names = "--workers", description = "trainings at once on the local engine (1..cores), default: one per core")
    Integer workers;

    @Option(names = "--quiet", description = "no progress line on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PaperProtocol protocol;
        try {
            protocol = protocol();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Nd4jThreads.singleThreadedOps();   // as in the notebooks' kernel
        StudyPlan plan = new StudyPlan(MuGrid.defaults(), trainPerMu, 1, therm, decorrelation, dataSeed);
        Path datasets = data.resolve("datasets");
        LatticeDataset pool = Datasets.loadOrGenerate(datasets, plan.training(), new StderrProgress(err, "training pool", !quiet));
        LatticeDataset validation = Datasets.loadOrGenerate(datasets, plan.validation(), new StderrProgress(err, "validation", !quiet));
        List<Integer> all = new ArrayList<>();
        for (int n : sizes != null ? sizes : protocol.trainingSizes()) if (n < pool.size()) all.add(n);
        all.add(pool.size());
        ArchitectureStore store = architectures == null ? null : new ArchitectureStore(architectures);
        List<TrainingTask> tasks = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {   // largest networks first, as notebook 03
            for (Family f : Family.values()) {
                for (int r = 0; r < protocol.runs(); r++) {
                    ArchitectureSpec arch = store == null ? ArchitectureSearch.defaultSpec(f, StudyPlan.TRAIN_LATTICE)
                            : store.loadOrDefault(f, StudyPlan.TRAIN_LATTICE);
                    tasks.add(TrainingTask.regression(arch, pool.spec(), validation.spec(), all.get(i),
                            protocol.configForRun(all.get(i), r)).withLabel(f + " N=" + all.get(i) + " run " + r));
                }
            }
        }
        int threads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        List<FitResult> fits;
        try (Trainings trainings = Trainings.fromEnvironment(new ModelStore(data.resolve("models")), datasets, threads)) {
            fits = trainings.run(tasks, new StderrProgress(err, tasks.size() + " networks, " + trainings.describe(), !quiet));
        }
        ObjectMapper json = new ObjectMapper();
        ArrayNode out = json.createArrayNode();
        for (int i = 0; i < tasks.size(); i++) {
            TrainingTask t = tasks.get(i);
            FitResult f = fits.get(i);
            ObjectNode o = out.addObject();
            o.put("family", t.spec().family().name()).put("n", t.n()).put("seed", t.config().seed()).put("epochs", f.epochs())
                    .put("bestEpoch", f.bestEpoch()).put("bestValidationLoss", f.bestValidationLoss()).put("seconds", f.seconds())
                    .put("cached", f.cached()).put("store", t.storeName() + "-" + t.storeKey());
        }
        spec.commandLine().getOut().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return 0;
    }

    /** The paper's protocol with the options given on the command line. */
    private PaperProtocol protocol() {
        PaperProtocol p = PaperProtocol.PAPER;
        if (runs != null) p = p.withRuns(runs);
        p = p.withEpochs(p.minEpochs(), maxEpochs != null ? maxEpochs : p.maxEpochs(), patience != null ? patience : p.patience());
        return trainSeed != null ? p.withSeed(trainSeed) : p;
    }
}
