package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class MetricsTest {

    @Test
    void msePerTargetMatchesHandComputation() {
        var p = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 5}, {0, 0}});
        var y = Nd4j.createFromArray(new double[][] {{0, 2}, {3, 1}, {2, 1}});
        double[] m = Metrics.msePerTarget(p, y);
        assertArrayEquals(new double[] {(1 + 0 + 4) / 3.0, (0 + 16 + 1) / 3.0}, m, 1e-12);
        assertEquals((5 / 3.0 + 17 / 3.0) / 2, Metrics.mse(p, y), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Metrics.mse(p, Nd4j.zeros(3, 3)));
    }

    @Test
    void accuracyCountsArgMaxMatches() {
        var prob = Nd4j.createFromArray(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}, {0.3, 0.6, 0.1}, {0.5, 0.4, 0.1}});
        var truth = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
        assertEquals(0.5, Metrics.accuracy(prob, truth), 1e-12);
    }

    @Test
    void quantilesInterpolate() {
        double[] v = {5, 1, 3, 2, 4};
        assertEquals(3, Metrics.median(v));
        assertEquals(1, Metrics.quantile(v, 0));
        assertEquals(5, Metrics.quantile(v, 1));
        assertEquals(1.4, Metrics.quantile(v, 0.1), 1e-12);
        assertEquals(2.5, Metrics.median(new double[] {3, 2}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Metrics.quantile(v, 1.5));
    }
}
