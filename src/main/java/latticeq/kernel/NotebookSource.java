package latticeq.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What %load runs: a {@code .jsh}, {@code .jshell} or {@code .java} file as one cell, or the code
 * cells of another notebook ({@code .ipynb}) one after the other.
 */
final class NotebookSource {
    /** One piece to run: a label for errors ("cell 3 of x.ipynb") and its source. */
    record Piece(String label, String source) {}

    static final List<String> EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ipynb");

    private NotebookSource() {}

    static List<Piece> read(String argument, Path workingDirectory) throws MagicException {
        Path file = workingDirectory.resolve(argument).normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
            throw new MagicException("'" + argument + "' is not a file it can run: need one ending in " + String.join(", ", EXTENSIONS));
        }
        if (!Files.isRegularFile(file)) {
            throw new MagicException("'" + argument + "' does not exist (relative paths start at " + workingDirectory + ")");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!name.endsWith(".ipynb")) {
                return List.of(new Piece(file.getFileName().toString(), text));
            }
            JsonNode cells = new ObjectMapper().readTree(text).path("cells");
            List<Piece> pieces = new ArrayList<>();
            int index = 0;
            for (JsonNode cell : cells) {
                index++;
                if (!"code".equals(cell.path("cell_type").asText())) {
                    continue;
                }
                JsonNode source = cell.path("source");
                StringBuilder code = new StringBuilder();
                if (source.isArray()) {
                    source.forEach(line -> code.append(line.asText()));
                } else {
                    code.append(source.asText());
                }
                if (!code.toString().isBlank()) {
                    pieces.add(new Piece("cell " + index + " of " + file.getFileName(), code.toString()));
                }
            }
            return pieces;
        } catch (IOException e) {
            throw new MagicException("cannot read '" + argument + "': " + e.getMessage(), e);
        }
    }
}
