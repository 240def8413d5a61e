package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MetricsTest {

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
