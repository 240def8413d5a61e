package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notebooks read as the papers (issue 18): each opens with one short setup cell, no code cell
 * is long, and no notebook copies another's code (machinery lives in the library). Scans the code
 * cells of notebooks/*.ipynb.
 */
class NotebookShapeTest {
    static final int FIRST_CELL_MAX_LINES = 8;
    static final int CELL_MAX_LINES = 30;
    /** Two notebooks sharing this many consecutive non-trivial lines have copied code. */
    static final int SHARED_RUN = 6;

    /**
     * Notebooks not scanned yet (none now: every seed-2 notebook has its setup in the library and its
     * plot helpers in Plots). A name here must be a notebook that exists.
     */
    static final Set<String> SEED_2_AFTER_ISSUE_14 = Set.of();

    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyNotebookOpensWithOneShortSetupCellAndHasNoLongCell() throws IOException {
        Map<String, List<String>> cells = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path nb : scanned()) {
            List<String> code = codeCells(nb);
            assertFalse(code.isEmpty(), nb + " has no code cell");
            int first = lines(code.get(0)).size();
            if (first > FIRST_CELL_MAX_LINES) {
                problems.add(nb.getFileName() + ": first code cell has " + first + " lines, need <= " + FIRST_CELL_MAX_LINES);
            }
            for (int i = 0; i < code.size(); i++) {
                int n = lines(code.get(i)).size();
                if (n > CELL_MAX_LINES) {
                    problems.add(nb.getFileName() + ": code cell " + i + " has " + n + " lines, need <= " + CELL_MAX_LINES);
                }
            }
            cells.put(nb.getFileName().toString(), code);
        }
        assertTrue(cells.size() >= 8, "scanned only " + cells.keySet());
        assertEquals(List.of(), problems);
    }

    @Test
    void noTwoNotebooksShareARunOfCode() throws IOException {
        Map<String, List<String>> code = new HashMap<>();
        for (Path nb : scanned()) code.put(nb.getFileName().toString(), significantLines(codeCells(nb)));
        assertEquals(List.of(), sharedRuns(code, SHARED_RUN));
    }

    @Test
    void theExceptionsNameNotebooksThatExist() {
        for (String name : SEED_2_AFTER_ISSUE_14) {
            assertTrue(Files.isRegularFile(NOTEBOOKS.resolve(name)), name + " is listed as not yet scanned but does not exist: remove it from the list");
        }
    }

    @Test
    void theScanFindsACopiedRunAndIgnoresTrivialLines() {
        List<String> copied = List.of("int a = 1;", "int b = 2;", "int c = a + b;", "double d = c / 2.0;", "String e = \"x\" + d;",
                "System.out.println(e);");
        List<String> one = new ArrayList<>(List.of("Budget budget = Budget.current();"));
        one.addAll(copied);
        List<String> other = new ArrayList<>(copied);
        other.add("int f = 3;");
        List<String> found = sharedRuns(Map.of("one", significantLines(List.of(String.join("\n", one))),
                "other", significantLines(List.of(String.join("\n", other)))), 6);
        assertEquals(1, found.size(), found.toString());
        // braces, comments and imports are not code a reader would call copied
        List<String> trivial = significantLines(List.of("import java.util.*;\n}\n    }\n// a comment\n\n});\nint x = 1;"));
        assertEquals(List.of("int x = 1;"), trivial);
        // whitespace does not hide a copy
        assertEquals(significantLines(List.of("int  a =  1;")), significantLines(List.of("    int a = 1;")));
    }

    private static List<Path> scanned() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !SEED_2_AFTER_ISSUE_14.contains(p.getFileName().toString())).sorted().toList();
        }
    }

    static List<String> codeCells(Path notebook) throws IOException {
        JsonNode root = JSON.readTree(notebook.toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode cell : root.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) continue;
            JsonNode source = cell.path("source");
            StringBuilder text = new StringBuilder();
            if (source.isArray()) source.forEach(l -> text.append(l.asText()));
            else text.append(source.asText());
            out.add(text.toString());
        }
        return out;
    }

    private static List<String> lines(String cell) {
        return cell.strip().isEmpty() ? List.of() : List.of(cell.strip().split("\n", -1));
    }

    /** The lines that count as code: whitespace collapsed; blank, brace-only, comment-only and import lines dropped. */
    static List<String> significantLines(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String cell : cells) {
            for (String line : cell.split("\n")) {
                String l = line.strip().replaceAll("\\s+", " ");
                if (l.isEmpty() || l.startsWith("//") || l.startsWith("import ") || l.matches("[{}();,\\s]*")) continue;
                out.add(l);
            }
        }
        return out;
    }

    /** Every pair of notebooks sharing {@code run} consecutive significant lines, with the first such run. */
    static List<String> sharedRuns(Map<String, List<String>> code, int run) {
        List<String> names = code.keySet().stream().sorted().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Map<List<String>, Integer> windows = new HashMap<>();
            List<String> a = code.get(names.get(i));
            for (int k = 0; k + run <= a.size(); k++) windows.putIfAbsent(a.subList(k, k + run), k);
            for (int j = i + 1; j < names.size(); j++) {
                List<String> b = code.get(names.get(j));
                for (int k = 0; k + run <= b.size(); k++) {
                    if (windows.containsKey(b.subList(k, k + run))) {
                        out.add(names.get(i) + " and " + names.get(j) + " share " + run + " lines: " + String.join(" | ", b.subList(k, k + run)));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
