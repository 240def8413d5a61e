package latticeq.nn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class FastTanhTest {

    @Test
    void matchesMathTanh() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int n = 200_000;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            // dense near 0, where tanh is steep, plus the saturated tails and exact special points
            y[i] = i < 4 ? new float[] {0f, -0f, 30f, -30f}[i]
                    : (float) ((rng.nextDouble() * 2 - 1) * (i % 3 == 0 ? 20 : i % 3 == 1 ? 3 : 1e-3));
        }
        float[] x = y.clone();
        FastTanh.apply(y, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = Math.tanh(x[i]);
            double err = Math.abs(y[i] - exact);
            worst = Math.max(worst, err / Math.max(Math.abs(exact), 1e-3)); // relative, absolute near 0
            assertTrue(Math.abs(y[i]) <= 1f, "|tanh| <= 1 at " + x[i]);
        }
        System.out.println("FastTanh worst relative error " + worst);
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        assertEquals(0f, y[0]);
        assertEquals(1f, y[2], 1e-7f);
        assertEquals(-1f, y[3], 1e-7f);
    }

    @Test
    void backpropIsTheDerivativeTimesEpsilon() {
        float[] y = {0f, 0.5f, -0.9f};
        float[] eps = {2f, 1f, -3f};
        float[] dz = new float[3];
        FastTanh.backprop(y, eps, dz, 3);
        assertEquals(2f, dz[0]);
        assertEquals(0.75f, dz[1], 1e-7f);
        assertEquals(-3f * (1 - 0.81f), dz[2], 1e-6f);
    }
}
