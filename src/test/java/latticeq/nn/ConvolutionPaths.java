package latticeq.nn;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs test code with {@link PeriodicConvolutionLayer}'s oneDNN path switched on or off, so that
 * float32 tests reach the BLAS paths too (surefire runs test classes one after another in one JVM,
 * so the system property is not raced).
 */
final class ConvolutionPaths {
    private ConvolutionPaths() {}

    static final String SWITCH = "latticeq.conv.onednn";

    /** The settings worth testing here: with and without oneDNN where it loads, else without. */
    static List<Boolean> oneDnnSettings() {
        return OneDnnConvolution.available() ? List.of(true, false) : List.of(false);
    }

    static <T> T withOneDnn(boolean on, Supplier<T> body) {
        String before = System.getProperty(SWITCH);
        System.setProperty(SWITCH, Boolean.toString(on));
        try {
            return body.get();
        } finally {
            if (before == null) System.clearProperty(SWITCH);
            else System.setProperty(SWITCH, before);
        }
    }

    static void withOneDnn(boolean on, Runnable body) {
        withOneDnn(on, () -> {
            body.run();
            return null;
        });
    }
}
