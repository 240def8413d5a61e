package latticeq.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Shortens a traceback whose frames repeat, as Python does for deep recursion: a block of up to
 * {@link #MAX_PERIOD} lines that occurs three or more times in a row is shown once, followed by
 * one line saying how many more times it repeats (a StackOverflowError's 1,024 frames become a
 * handful of lines).
 */
final class RepeatedFrames {
    static final int MAX_PERIOD = 10;

    private RepeatedFrames() {}

    static List<String> collapse(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int bestPeriod = 0, bestRepeats = 1;
            for (int p = 1; p <= MAX_PERIOD && i + 2 * p <= lines.size(); p++) {
                int repeats = 1;
                while (i + (repeats + 1) * p <= lines.size() && lines.subList(i + repeats * p, i + (repeats + 1) * p).equals(lines.subList(i, i + p))) {
                    repeats++;
                }
                if (repeats >= 3 && repeats * p > bestRepeats * Math.max(bestPeriod, 1)) {
                    bestPeriod = p;
                    bestRepeats = repeats;
                }
            }
            if (bestPeriod == 0) {
                out.add(lines.get(i++));
                continue;
            }
            out.addAll(lines.subList(i, i + bestPeriod));
            out.add("    ... (the " + (bestPeriod == 1 ? "line" : bestPeriod + " lines") + " above repeat"
                    + (bestPeriod == 1 ? "s" : "") + " " + (bestRepeats - 1) + " more times)");
            i += bestPeriod * bestRepeats;
        }
        return out;
    }
}
