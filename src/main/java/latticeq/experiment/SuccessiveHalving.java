package latticeq.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import latticeq.nn.ArchitectureSpec;
import latticeq.progress.ProgressGroup;
import latticeq.progress.ProgressListener;

/**
 * Architecture search with successive halving (the synchronous form of the pruners Optuna's users
 * run, as the group did, instead of training every trial in full): every candidate trains a few
 * epochs, the best 1/eta go on to eta times as many epochs, and so on; only the last rung trains
 * the full number of epochs, with several runs. The objective of a trial is the group's: the mean
 * over its runs of the validation loss after the last epoch (no early stopping inside a trial).
 * Each rung trains from scratch with the trial's seed, so a rung's result does not depend on the
 * rungs before it, only which candidates reach it does.
 */
public final class SuccessiveHalving {
    private SuccessiveHalving() {}

    /** One rung: how many candidates train, for how many epochs, with how many runs each. */
    public record Rung(int index, int candidates, int epochs, int runs) {}

    /** One candidate's result on one rung. */
    public record Trial(ArchitectureSpec spec, int candidate, int rung, int epochs, double objective, double[] finalLosses,
                        double seconds, boolean cached) {
        public Trial {
            finalLosses = finalLosses.clone();
        }

        @Override
        public double[] finalLosses() {
            return finalLosses.clone();
        }
    }

    /** Every trial of every rung and the winner (the lowest objective on the last rung). */
    public record Result(List<Trial> trials, ArchitectureSpec best, Trial bestTrial) {
        public Result {
            trials = List.copyOf(trials);
        }
    }

    /** The training of one candidate for {@code epochs} epochs as run {@code run} (seeded by the run). */
    @FunctionalInterface
    public interface TrialTask {
        TrainingTask task(ArchitectureSpec spec, int epochs, int run);
    }

    /** Trains a rung's tasks (e.g. {@link Trainings#run}); results in task order. */
    @FunctionalInterface
    public interface Fitter {
        List<FitResult> fit(List<TrainingTask> tasks, ProgressListener progress) throws IOException;
    }

    /**
     * The rungs for {@code candidates} candidates: with R rungs, rung i trains
     * ceil(candidates / eta^i) candidates for maxEpochs / eta^(R-1-i) epochs, one run each, and the
     * last rung {@code finalRuns} runs of {@code maxEpochs} epochs. R is the largest number for which
     * the first rung still trains at least {@code minEpochs} epochs and every rung drops candidates.
     * E.g. 50 candidates, 200 epochs, eta 3, at least 10 epochs: 50 x 22, 17 x 66, 6 x 200 (x runs).
     */
    public static List<Rung> rungs(int candidates, int maxEpochs, int finalRuns, int eta, int minEpochs) {
        if (candidates < 1) throw new IllegalArgumentException("candidates = " + candidates + ": need >= 1");
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs = " + maxEpochs + ": need >= 1");
        if (finalRuns < 1) throw new IllegalArgumentException("finalRuns = " + finalRuns + ": need >= 1");
        if (eta < 2) throw new IllegalArgumentException("eta = " + eta + ": need >= 2");
        if (minEpochs < 1 || minEpochs > maxEpochs) {
            throw new IllegalArgumentException("minEpochs = " + minEpochs + ": need 1.." + maxEpochs + " (maxEpochs)");
        }
        int count = 1;
        while (maxEpochs / pow(eta, count) >= minEpochs && pow(eta, count) < candidates) count++;
        List<Rung> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int keep = (int) Math.max(1, ceilDiv(candidates, pow(eta, i)));
            int epochs = (int) Math.max(1, maxEpochs / pow(eta, count - 1 - i));
            out.add(new Rung(i, keep, epochs, i == count - 1 ? finalRuns : 1));
        }
        return out;
    }

    /** Runs the rungs over {@code candidates} on {@code trainings} (one sweep per rung); progress per rung. */
    public static Result run(List<ArchitectureSpec> candidates, List<Rung> rungs, Trainings trainings, TrialTask trial,
                             ProgressListener progress) throws IOException {
        return run(candidates, rungs, trainings::run, trial, progress);
    }

    /** Runs the rungs over {@code candidates}, each rung's trainings through {@code fitter}; progress per rung. */
    public static Result run(List<ArchitectureSpec> candidates, List<Rung> rungs, Fitter fitter, TrialTask trial,
                             ProgressListener progress) throws IOException {
        if (candidates.isEmpty()) throw new IllegalArgumentException("candidates is empty: need at least one");
        if (rungs.isEmpty()) throw new IllegalArgumentException("rungs is empty: need at least one");
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) alive.add(i);
        List<Trial> all = new ArrayList<>();
        List<Trial> last = List.of();
        ProgressGroup group = new ProgressGroup(progress, rungs.size());
        int rungNumber = 0;
        for (Rung rung : rungs) {
            int keep = Math.min(rung.candidates(), alive.size());
            List<Integer> here = alive.subList(0, keep);
            List<TrainingTask> tasks = new ArrayList<>();
            for (int c : here) {
                for (int run = 0; run < rung.runs(); run++) {
                    tasks.add(trial.task(candidates.get(c), rung.epochs(), run).withLabel("trial " + c + " run " + run));
                }
            }
            List<FitResult> fits = fitter.fit(tasks, group.member(rungNumber++, "rung " + rung.index() + " (" + here.size()
                    + " x " + rung.runs() + " x " + rung.epochs() + " epochs)"));
            List<Trial> trials = new ArrayList<>();
            for (int k = 0; k < here.size(); k++) {
                double[] finals = new double[rung.runs()];
                double seconds = 0;
                boolean cached = true;
                for (int run = 0; run < rung.runs(); run++) {
                    FitResult f = fits.get(k * rung.runs() + run);
                    double[] v = f.validationLoss();
                    finals[run] = v[v.length - 1];
                    seconds += f.seconds();
                    cached &= f.cached();
                }
                double objective = 0;
                for (double v : finals) objective += v;
                objective /= finals.length;
                // a diverged run (NaN) ranks last, never first
                if (Double.isNaN(objective)) objective = Double.POSITIVE_INFINITY;
                trials.add(new Trial(candidates.get(here.get(k)), here.get(k), rung.index(), rung.epochs(), objective, finals, seconds, cached));
            }
            all.addAll(trials);
            last = trials.stream().sorted(Comparator.comparingDouble(Trial::objective).thenComparingInt(Trial::candidate)).toList();
            alive = new ArrayList<>(last.stream().map(Trial::candidate).toList());
        }
        Trial best = last.get(0);
        return new Result(all, best.spec(), best);
    }

    private static long pow(int base, int exp) {
        long p = 1;
        for (int i = 0; i < exp; i++) p *= base;
        return p;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
