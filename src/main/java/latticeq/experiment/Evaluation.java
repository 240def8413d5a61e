package latticeq.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import latticeq.data.LatticeDataset;
import latticeq.nn.LatticeModel;
import latticeq.train.Scores;

/**
 * Test errors of trained models on datasets: overall, per target, per mu, accuracy; predictions go
 * through {@link LatticeModel#predict} (input checks, batches) and the metrics through {@link Scores}.
 */
public final class Evaluation {
    private Evaluation() {}

    /** Test errors of a regression network on one dataset. */
    public record Score(int nt, int nx, int samples, double mse, double mseDensity, double msePhi2) {}

    /** Errors and mean predictions at one mu. */
    public record MuScore(double mu, int samples, double trueDensity, double predictedDensity, double truePhi2,
                          double predictedPhi2, double mseDensity, double msePhi2, double mse) {}

    public static Score regression(LatticeModel model, LatticeDataset test) {
        double[] m = Scores.of(model, Tensors.features(test), Tensors.targets(test)).targetMse();
        return new Score(test.spec().nt(), test.spec().nx(), test.size(), (m[0] + m[1]) / 2, m[0], m[1]);
    }

    /** One row per mu of the dataset, ascending. */
    public static List<MuScore> perMu(LatticeModel model, LatticeDataset test) {
        double[][] p = model.predict(Tensors.features(test)).toDoubleMatrix();
        TreeMap<Double, double[]> acc = new TreeMap<>(); // count, sum n, sum n^, sum q, sum q^, se n, se q
        for (int i = 0; i < test.size(); i++) {
            double[] a = acc.computeIfAbsent(test.mu(i), k -> new double[7]);
            double n = test.density(i), q = test.phi2(i);
            a[0]++;
            a[1] += n;
            a[2] += p[i][0];
            a[3] += q;
            a[4] += p[i][1];
            a[5] += (p[i][0] - n) * (p[i][0] - n);
            a[6] += (p[i][1] - q) * (p[i][1] - q);
        }
        List<MuScore> out = new ArrayList<>();
        acc.forEach((mu, a) -> {
            double c = a[0];
            out.add(new MuScore(mu, (int) c, a[1] / c, a[2] / c, a[3] / c, a[4] / c, a[5] / c, a[6] / c,
                    (a[5] + a[6]) / (2 * c)));
        });
        return out;
    }

    /** Fraction of samples whose winding number the classifier predicts right. */
    public static double accuracy(LatticeModel model, LatticeDataset test, int classes) {
        return Scores.of(model, Tensors.features(test), Tensors.windingOneHot(test, classes)).accuracy();
    }

    /** Accuracy of always answering the most frequent class of {@code train} (the baseline to beat). */
    public static double majorityBaseline(LatticeDataset train, LatticeDataset test) {
        int[] w = Tensors.windings(train);
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int v : w) counts.merge(v, 1, Integer::sum);
        int mode = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        int right = 0;
        for (int v : Tensors.windings(test)) if (v == mode) right++;
        return (double) right / test.size();
    }
}
