package latticeq.sweep.spark;

import latticeq.experiment.PaperProtocol;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import latticeq.data.DatasetSpec;
import latticeq.experiment.ArchitectureSearch;
import latticeq.experiment.FitResult;
import latticeq.experiment.StudyModels;
import latticeq.experiment.TrainedModel;
import latticeq.experiment.TrainingTask;
import latticeq.lattice.Lattice;
import latticeq.nn.Family;
import latticeq.sweep.DatasetCache;

/** A small seed-1 sweep (every family, a few runs, a few epochs, an 8 x 4 lattice) and its bit-for-bit comparison. */
final class SmallSweep {
    static final Lattice LATTICE = new Lattice(8, 4);
    static final int N = 40;

    private SmallSweep() {}

    static DatasetSpec pool() {
        return DatasetSpec.paper(LATTICE.nt(), LATTICE.nx(), List.of(0.9, 1.1), 30, 20, 2, 16L);
    }

    static DatasetSpec validation() {
        return DatasetSpec.paper(LATTICE.nt(), LATTICE.nx(), List.of(0.9, 1.1), 5, 20, 2, 17L);
    }

    /** {@code runs} seeds of every family's default architecture, {@code epochs} epochs each. */
    static List<TrainingTask> tasks(int runs, int epochs) {
        List<TrainingTask> out = new ArrayList<>();
        for (Family f : Family.values()) {
            for (int r = 0; r < runs; r++) {
                out.add(TrainingTask.regression(ArchitectureSearch.defaultSpec(f, LATTICE), pool(), validation(), N,
                        PaperProtocol.PAPER.withEpochs(100, epochs, epochs).config(N, 7 + r)).withLabel(f + " run " + r));
            }
        }
        return out;
    }

    /** Generates the datasets into {@code root} (as a notebook does before its sweep). */
    static void prepare(Path root) throws IOException {
        DatasetCache.at(root).get(pool());
        DatasetCache.at(root).get(validation());
    }

    /** Same networks to the last bit: parameters, loss histories, best epochs. */
    static void assertSameBits(List<TrainedModel> expected, List<TrainedModel> actual) throws IOException {
        assertEquals(expected.size(), actual.size(), "results");
        for (int i = 0; i < expected.size(); i++) {
            TrainedModel e = expected.get(i), a = actual.get(i);
            assertEquals(e.trainLoss(), a.trainLoss(), "training losses of task " + i);
            assertEquals(e.validationLoss(), a.validationLoss(), "validation losses of task " + i);
            assertEquals(e.bestEpoch(), a.bestEpoch(), "best epoch of task " + i);
            assertArrayEquals(parameters(e), parameters(a), "parameters of task " + i);
        }
    }

    static float[] parameters(TrainedModel m) throws IOException {
        FitResult fit = m.fit();
        return fit.network().params().dup().data().asFloat();
    }
}
