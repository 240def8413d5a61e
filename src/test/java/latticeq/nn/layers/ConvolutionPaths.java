package latticeq.nn.layers;

import java.util.List;
import java.util.function.Supplier;
import latticeq.nn.engine.PeriodicConvolutionEngine;

/**
 * Runs test code with {@link PeriodicConvolutionLayer}'s oneDNN path switched on or off, so that
 * float32 tests reach the BLAS paths too (surefire runs test classes one after another in one JVM,
 * so the system property is not raced).
 */
public final class ConvolutionPaths {
    private ConvolutionPaths() {}

    public static final String SWITCH = "latticeq.conv.onednn";

    /** The settings worth testing here: with and without oneDNN where it loads, else without. */
    public static List<Boolean> oneDnnSettings() {
        return PeriodicConvolutionEngine.oneDnnAvailable() ? List.of(true, false) : List.of(false);
    }

    public static <T> T withOneDnn(boolean on, Supplier<T> body) {
        String before = System.getProperty(SWITCH);
        System.setProperty(SWITCH, Boolean.toString(on));
        try {
            return body.get();
        } finally {
            if (before == null) System.clearProperty(SWITCH);
            else System.setProperty(SWITCH, before);
        }
    }

    public static void withOneDnn(boolean on, Runnable body) {
        withOneDnn(on, () -> {
            body.run();
            return null;
        });
    }
}
