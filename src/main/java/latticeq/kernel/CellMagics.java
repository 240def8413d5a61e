package latticeq.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a cell into Java code and magics. A first line {@code %%name args} makes the whole cell
 * a cell magic (its body is the rest), except {@code %%time}, which times the cell and leaves
 * the rest to be parsed as usual. A line {@code %name args} is a line magic, run in order with
 * the code around it; {@code %time <code>} times one line of code. Java never starts a line
 * with '%', so such a line is never silently taken as Java.
 */
final class CellMagics {
    /** A piece of the cell, in order: Java code or a line magic. */
    sealed interface Part permits Code, LineMagic {}

    /** Java code starting at line {@code firstLine} (1-based) of the cell, timed or not. */
    record Code(String code, int firstLine, boolean timed) implements Part {}

    /** {@code %name args} at {@code line}; {@code argText} is the rest of the line as written. */
    record LineMagic(String name, List<String> args, String argText, int line) implements Part {}

    /** {@code %%name args} on {@code line}, with the lines after it as the body. */
    record CellMagic(String name, List<String> args, String argText, String body, int line) {}

    /** The parts of a cell (empty for a cell magic), whether the whole cell is timed, and the cell magic or null. */
    record Parsed(List<Part> parts, boolean timeWholeCell, CellMagic cellMagic) {}

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
            String header = lines[first].strip().substring(2);
            String name = nameOf(header);
            if (name.isEmpty()) {
                throw CellException.magic("%%", "a cell magic needs a name right after %%, e.g. %%time or %%bash", first + 1, cell);
            }
            if (!name.equals("time")) {
                String argText = header.substring(name.length()).strip();
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, first + 1, lines.length));
                return new Parsed(List.of(), false, new CellMagic(name, split(argText, "%%" + name, first + 1, cell), argText, body, first + 1));
            }
            wholeCell = true;
            first++;
        }
        StringBuilder code = new StringBuilder();
        int codeStart = first + 1;
        for (int i = first; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("%")) {
                if (!code.toString().isBlank()) {
                    parts.add(new Code(code.toString(), codeStart, false));
                }
                code.setLength(0);
                String header = stripped.substring(1);
                String name = nameOf(header);
                String argText = header.substring(name.length()).strip();
                if (name.isEmpty()) {
                    throw CellException.magic("%", "a line magic needs a name right after %, e.g. %maven or %time", i + 1, cell);
                }
                if (name.equals("time")) {
                    if (argText.isEmpty()) {
                        throw CellException.magic("%time", "needs code on the same line, e.g. %time sampler.run(1000)"
                                + " (use %%time as the first line to time a whole cell)", i + 1, cell);
                    }
                    parts.add(new Code(argText, i + 1, true));
                } else {
                    parts.add(new LineMagic(name, split(argText, "%" + name, i + 1, cell), argText, i + 1));
                }
                codeStart = i + 2;
            } else {
                if (code.length() == 0) {
                    codeStart = i + 1;
                }
                code.append(lines[i]).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            parts.add(new Code(code.toString(), codeStart, false));
        }
        return new Parsed(parts, wholeCell, null);
    }

    /** The magic's name: letters, digits and '_' up to the first other character. */
    private static String nameOf(String header) {
        int end = 0;
        while (end < header.length() && (Character.isLetterOrDigit(header.charAt(end)) || header.charAt(end) == '_')) {
            end++;
        }
        return header.substring(0, end);
    }

    /**
     * Splits arguments at white space; single or double quotes keep a path with spaces in one
     * argument. An unclosed quote is an error naming the magic.
     */
    static List<String> split(String argText, String magic, int line, String cell) throws CellException {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < argText.length(); i++) {
            char c = argText.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw CellException.magic(magic, "unclosed " + quote + " in the arguments: " + argText, line, cell);
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }

    /** "Wall time: 12.3 ms" (or seconds above one second). */
    static String wallTime(long nanos) {
        double ms = nanos / 1e6;
        return ms < 1000 ? String.format(Locale.ROOT, "Wall time: %.1f ms", ms)
                : String.format(Locale.ROOT, "Wall time: %.2f s", ms / 1000);
    }
}
