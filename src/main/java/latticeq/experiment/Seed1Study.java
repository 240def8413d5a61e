package latticeq.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import latticeq.data.DatasetSpec;
import latticeq.data.Datasets;
import latticeq.data.LatticeDataset;
import latticeq.lattice.Lattice;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Family;
import latticeq.progress.ProgressListener;

/**
 * The seed-1 study (arXiv:2103.14686) as notebooks 03-07 set it up: the dataset plan, the paper's
 * training protocol, and where datasets, trained networks and searched architectures are kept
 * (under one data folder: {@code datasets/}, {@code models/}, {@code architectures/<budget>/}, so a
 * quick CI search never steers a paper-scale run). Built from a budget through
 * {@link BudgetValues}, which the notebook layer's {@code Budget} implements: the presets live
 * here, in the library, and the values used still print with {@code budget.print()}.
 *
 * <pre>{@code
 * Seed1Study study = Seed1Study.fromBudget(budget, ProgressBar::start);
 * LatticeDataset pool = study.pool();
 * }</pre>
 */
public final class Seed1Study {
    private final StudyPlan plan;
    private final PaperProtocol protocol;
    private final Path dataRoot;
    private final String budgetName;
    private final int fitWorkers;
    private final Function<String, ? extends ProgressListener> progress;

    /**
     * @param dataRoot   folder of the caches (notebooks: {@code data}, i.e. notebooks/data/, not committed)
     * @param budgetName name of the budget the architecture search ran at
     * @param fitWorkers trainings at once in this JVM (>= 1; Spark ignores it)
     * @param progress   the progress display of each dataset load, by label
     */
    public Seed1Study(StudyPlan plan, PaperProtocol protocol, Path dataRoot, String budgetName, int fitWorkers,
                      Function<String, ? extends ProgressListener> progress) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        if (budgetName == null || !budgetName.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("budgetName = " + budgetName + " is not allowed: need lower-case letters, digits, '-' or '_'");
        }
        this.budgetName = budgetName;
        if (fitWorkers < 1) throw new IllegalArgumentException("fitWorkers = " + fitWorkers + " is not allowed: need >= 1");
        this.fitWorkers = fitWorkers;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The study at the budget's scale with its caches under {@code data/} (the notebooks' folder). */
    public static Seed1Study fromBudget(BudgetValues budget, Function<String, ? extends ProgressListener> progress) {
        return fromBudget(budget, Path.of("data"), progress);
    }

    /**
     * The study at the budget's scale: {@link StudyPlan#fromBudget}, {@link PaperProtocol#fromBudget}
     * and FIT_WORKERS (independent trainings at once in this JVM: one per core, each with a one-thread
     * OpenMP team; or on Spark with LATTICEQ_SWEEP=spark, same bits: {@link Trainings}).
     */
    public static Seed1Study fromBudget(BudgetValues budget, Path dataRoot, Function<String, ? extends ProgressListener> progress) {
        StudyPlan plan = StudyPlan.fromBudget(budget);
        PaperProtocol protocol = PaperProtocol.fromBudget(budget);
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = budget.intValue("FIT_WORKERS", cores, cores);
        return new Seed1Study(plan, protocol, dataRoot, budget.name(), workers, progress);
    }

    public StudyPlan plan() {
        return plan;
    }

    public PaperProtocol protocol() {
        return protocol;
    }

    /** Runs per setting ({@link PaperProtocol#runs}). */
    public int runs() {
        return protocol.runs();
    }

    public int fitWorkers() {
        return fitWorkers;
    }

    /** Cache of generated datasets. */
    public Path datasets() {
        return dataRoot.resolve("datasets");
    }

    /** Cache of trained networks, keyed by architecture, settings, data and seed (notebooks 03-07 share it). */
    public ModelStore models() {
        return new ModelStore(dataRoot.resolve("models"));
    }

    /** Architectures saved by the search (notebook 07), kept per budget. */
    public ArchitectureStore architectureStore() {
        return new ArchitectureStore(dataRoot.resolve("architectures").resolve(budgetName));
    }

    /** The engine the environment names for the study's trainings, over {@link #models()}; close it when done. */
    public Trainings trainings() {
        return Trainings.fromEnvironment(models(), datasets(), fitWorkers);
    }

    /** A dataset of the plan, from the cache or generated into it. */
    public LatticeDataset load(DatasetSpec spec, String label) throws IOException {
        return Datasets.loadOrGenerate(datasets(), spec, progress.apply(label));
    }

    /** The shuffled 60 x 4 training pool. */
    public LatticeDataset pool() throws IOException {
        return load(plan.training(), "training pool " + StudyPlan.TRAIN_LATTICE);
    }

    /** The 60 x 4 validation pool. */
    public LatticeDataset validationPool() throws IOException {
        return load(plan.validation(), "validation " + StudyPlan.TRAIN_LATTICE);
    }

    /** The test set on one lattice size, at the training mu values. */
    public LatticeDataset test(Lattice lattice) throws IOException {
        return load(plan.test(lattice), "test " + lattice);
    }

    /** The test sets of every size of {@link StudyPlan#TEST_LATTICES}, smallest first. */
    public Map<Lattice, LatticeDataset> tests() throws IOException {
        Map<Lattice, LatticeDataset> out = new LinkedHashMap<>();
        for (Lattice l : StudyPlan.TEST_LATTICES) out.put(l, test(l));
        return out;
    }

    /** The 60 x 4 test set at the held-out mu values. */
    public LatticeDataset heldOut() throws IOException {
        return load(plan.heldOut(), "held-out mu " + StudyPlan.TRAIN_LATTICE);
    }

    /** Each family's architecture: the one notebook 07 saved at this budget, else the default. */
    public Map<Family, ArchitectureSpec> architectures() throws IOException {
        ArchitectureStore store = architectureStore();
        Map<Family, ArchitectureSpec> out = new LinkedHashMap<>();
        for (Family f : Family.values()) out.put(f, store.loadOrDefault(f, StudyPlan.TRAIN_LATTICE));
        return out;
    }

    /** One row of the architectures table: where a family's architecture came from and what it is. */
    public record ArchitectureRow(Family family, List<Integer> convChannels, List<Integer> kernels, List<Integer> dense, int stride,
                                  String lattice, String source) {}

    /** The architectures of {@link #architectures()} as table rows (FL is bound to its lattice; the others run on any). */
    public List<ArchitectureRow> architectureRows() throws IOException {
        ArchitectureStore store = architectureStore();
        return architectures().entrySet().stream().map(e -> {
            ArchitectureSpec a = e.getValue();
            return new ArchitectureRow(e.getKey(), a.convChannels(), a.convKernels(), a.denseHidden(), a.stride(),
                    e.getKey() == Family.FL ? a.latticeNt() + "x" + a.latticeNx() : "any",
                    Files.isRegularFile(store.file(e.getKey())) ? "search (07)" : "default");
        }).toList();
    }

    @Override
    public String toString() {
        return "Seed1Study[" + plan + ", " + protocol + ", data " + dataRoot + ", budget " + budgetName + ", " + fitWorkers + " workers]";
    }
}
