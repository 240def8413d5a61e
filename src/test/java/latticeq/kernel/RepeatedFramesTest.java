package latticeq.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedFramesTest {
    @Test
    void deepRecursionBecomesAFewLines() {
        List<String> trace = new ArrayList<>(List.of("java.lang.StackOverflowError: null"));
        for (int i = 0; i < 1024; i++) trace.add("    at line 1 of this cell: int f(int n) { return f(n + 1); }");
        List<String> c = RepeatedFrames.collapse(trace);
        assertEquals(List.of("java.lang.StackOverflowError: null", "    at line 1 of this cell: int f(int n) { return f(n + 1); }",
                "    ... (the line above repeats 1023 more times)"), c);
    }

    @Test
    void mutualRecursionCollapsesByItsPeriodAndShortRunsStay() {
        List<String> trace = new ArrayList<>(List.of("E: x", "    at top"));
        for (int i = 0; i < 50; i++) {
            trace.add("    at a");
            trace.add("    at b");
        }
        trace.addAll(List.of("    at c", "    at c", "    at d"));
        List<String> c = RepeatedFrames.collapse(trace);
        assertEquals(List.of("E: x", "    at top", "    at a", "    at b", "    ... (the 2 lines above repeat 49 more times)",
                "    at c", "    at c", "    at d"), c);
    }
}
