package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import latticeq.data.DatasetSpec;
import latticeq.lattice.Lattice;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Family;
import latticeq.nn.LatticeModel;
import latticeq.nn.NetworkBuilder;
import latticeq.progress.ProgressListener;
import latticeq.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {

    @Test
    void rungsFollowTheHalvingRule() {
        assertEquals(List.of(new SuccessiveHalving.Rung(0, 50, 22, 1), new SuccessiveHalving.Rung(1, 17, 66, 1),
                new SuccessiveHalving.Rung(2, 6, 200, 3)), SuccessiveHalving.rungs(50, 200, 3, 3, 10));
        // too few epochs to prune: a single rung, every candidate in full
        assertEquals(List.of(new SuccessiveHalving.Rung(0, 2, 3, 1)), SuccessiveHalving.rungs(2, 3, 1, 3, 3));
        // never more rungs than there are candidates to drop
        assertEquals(2, SuccessiveHalving.rungs(3, 1000, 1, 2, 1).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuccessiveHalving.rungs(10, 100, 1, 1, 5));
        assertTrue(e.getMessage().startsWith("eta = 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SuccessiveHalving.rungs(10, 100, 1, 3, 101));
    }

    /**
     * A fake training whose final validation loss is known: the candidate's "quality" plus a term
     * that shrinks with the epochs. The search must return the best candidate, train only the
     * survivors on later rungs, and rank a diverged (NaN) candidate last.
     */
    @Test
    void keepsTheBestAndTrainsOnlySurvivorsLater() throws Exception {
        List<ArchitectureSpec> candidates = ArchitectureSearch.candidates(Family.EQ, SearchSpace.paper(), 12, 2,
                new Lattice(60, 4), 2, 5L);
        List<Double> quality = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) quality.add((double) ((i * 7) % 12));   // candidate 0 best (0), a permutation
        int nanCandidate = 5;
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        LatticeModel dummy = new LatticeModel(candidates.get(0), NetworkBuilder.build(candidates.get(0), 1), Map.of());
        DatasetSpec pool = DatasetSpec.paper(60, 4, List.of(1.0), 20, 0, 1, 1L), val = pool.withSeed(2L);
        SuccessiveHalving.TrialTask trial = (spec, epochs, run) -> TrainingTask.regression(spec, pool, val, 10, PaperProtocol.PAPER.withEpochs(100, epochs, 25).config(10, 1000 + run));
        SuccessiveHalving.Fitter fit = (tasks, progress) -> {
            List<FitResult> out = new ArrayList<>();
            for (TrainingTask t : tasks) {
                int c = candidates.indexOf(t.spec()), epochs = t.config().maxEpochs(), run = (int) (t.config().seed() - 1000);
                calls.merge(c + "@" + epochs, 1, Integer::sum);
                double loss = c == nanCandidate ? Double.NaN : quality.get(c) + 1.0 / epochs + 0.001 * run;
                out.add(new FitResult(dummy, new double[] {loss}, new double[] {loss}, 1, 0.1, false));
            }
            progress.update(1, 1, "done");
            progress.finish();
            return out;
        };
        List<SuccessiveHalving.Rung> rungs = SuccessiveHalving.rungs(12, 90, 2, 3, 10);
        assertEquals(List.of(12, 4, 2), rungs.stream().map(SuccessiveHalving.Rung::candidates).toList());
        assertEquals(List.of(10, 30, 90), rungs.stream().map(SuccessiveHalving.Rung::epochs).toList());
        SuccessiveHalving.Result r = SuccessiveHalving.run(candidates, rungs, fit, trial, ProgressListener.none());
        assertEquals(candidates.get(0), r.best());
        assertEquals(0.0 + 1.0 / 90 + 0.0005, r.bestTrial().objective(), 1e-12, "mean of the runs' final losses");
        assertEquals(12 + 4 + 2, r.trials().size());
        // rung 1 trains the 4 best of rung 0 (qualities 0..3) once, rung 2 the 2 best of those twice
        for (int rung = 1; rung <= 2; rung++) {
            final int k = rung;
            List<Integer> survivors = new ArrayList<>(r.trials().stream().filter(t -> t.rung() == k).map(SuccessiveHalving.Trial::candidate).toList());
            Collections.sort(survivors);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 12; i++) if (quality.get(i) < (k == 1 ? 4 : 2)) expected.add(i);
            assertEquals(expected, survivors, "rung " + k);
        }
        assertEquals(12 + 4 + 2 * 2, calls.values().stream().mapToInt(Integer::intValue).sum(), "no pruned candidate trains again");
        assertFalse(calls.containsKey(nanCandidate + "@30"), "a diverged candidate is pruned");
        assertEquals(Double.POSITIVE_INFINITY, r.trials().stream().filter(t -> t.candidate() == nanCandidate).findFirst().orElseThrow().objective());
    }
}
