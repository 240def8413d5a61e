package latticeq.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a cell into Java code and the magics the kernel understands: {@code %%time} as the first
 * line times the whole cell, {@code %time <code>} times one line. Java never starts a line with
 * '%', so any other line starting with '%' is an unknown magic (an error, not silently Java).
 */
final class CellMagics {
    /** A piece of the cell: Java code starting at line {@code firstLine} (1-based), timed or not. */
    record Part(String code, int firstLine, boolean timed) {}

    /** The parts of a cell, and whether the whole cell is timed. */
    record Parsed(List<Part> parts, boolean timeWholeCell) {}

    private CellMagics() {}

    static Parsed parse(String cell) throws CellException {
        String[] lines = cell.split("\n", -1);
        List<Part> parts = new ArrayList<>();
        boolean wholeCell = false;
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].strip().startsWith("%%")) {
            String magic = lines[first].strip();
            if (!magic.equals("%%time")) {
                throw unknown(magic, first + 1, cell);
            }
            wholeCell = true;
            first++;
        }
        StringBuilder code = new StringBuilder();
        int codeStart = first + 1;
        for (int i = first; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("%")) {
                if (!(stripped.equals("%time") || stripped.startsWith("%time ") || stripped.startsWith("%time\t"))) {
                    throw unknown(stripped.split("\\s+")[0], i + 1, cell);
                }
                if (!code.toString().isBlank()) {
                    parts.add(new Part(code.toString(), codeStart, false));
                }
                code.setLength(0);
                String timed = stripped.substring("%time".length()).strip();
                if (timed.isEmpty()) {
                    throw new CellException("MagicError", "line " + (i + 1) + ": %time needs code on the same line, e.g. %time sampler.run(1000)",
                            List.of("%time needs code on the same line (use %%time as the first line to time a whole cell)",
                                    JShellEvaluator.quote(cell, i + 1)));
                }
                parts.add(new Part(timed, i + 1, true));
                codeStart = i + 2;
            } else {
                if (code.length() == 0) {
                    codeStart = i + 1;
                }
                code.append(lines[i]).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            parts.add(new Part(code.toString(), codeStart, false));
        }
        return new Parsed(parts, wholeCell);
    }

    /** "Wall time: 12.3 ms" (or seconds above one second). */
    static String wallTime(long nanos) {
        double ms = nanos / 1e6;
        return ms < 1000 ? String.format(Locale.ROOT, "Wall time: %.1f ms", ms)
                : String.format(Locale.ROOT, "Wall time: %.2f s", ms / 1000);
    }

    private static CellException unknown(String magic, int line, String cell) {
        return new CellException("MagicError", "line " + line + ": unknown magic " + magic + " (this kernel knows %time and %%time)",
                List.of("unknown magic " + magic + " at line " + line + "; this kernel knows %time and %%time",
                        JShellEvaluator.quote(cell, line)));
    }
}
