package latticeq.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the notebook added to the class path (%jars, %classpath, %maven): entries are checked
 * against the kernel's own class path first and added to JShell (compiler and class loader)
 * only when they shadow nothing, so the next cell can import their classes.
 */
final class UserClassPath {
    /** What one request did: entries added, entries left out because the kernel has their classes, entries already there. */
    record Outcome(List<Path> added, List<ClassPathConflicts.Overlap> refused, List<Path> alreadyAdded) {
        /** Lines for the cell's output. */
        List<String> report(String magic) {
            List<String> lines = new ArrayList<>();
            lines.add(magic + ": added " + added.size() + (added.size() == 1 ? " entry" : " entries") + " to the class path"
                    + (added.isEmpty() ? "" : ": " + names(added)));
            if (!alreadyAdded.isEmpty()) {
                lines.add("  already on the notebook's class path: " + names(alreadyAdded));
            }
            for (ClassPathConflicts.Overlap o : refused) {
                lines.add("  NOT added " + o.entry().getFileName() + ": " + o.shadowed() + " of its " + o.classes()
                        + " classes are already on the kernel's class path (" + String.join(", ", o.kernelSources())
                        + "), e.g. " + String.join(", ", o.examples()) + "; the kernel's copies are used");
            }
            return lines;
        }

        private static String names(List<Path> paths) {
            List<String> names = new ArrayList<>();
            paths.forEach(p -> names.add(p.getFileName().toString()));
            return String.join(", ", names);
        }
    }

    private final Consumer<String> jshellAdd;
    private final ClassPathConflicts conflicts;
    private final Set<Path> entries = new LinkedHashSet<>();

    /** @param jshellAdd adds one path to JShell's class path ({@code JShell.addToClasspath}) */
    UserClassPath(Consumer<String> jshellAdd, ClassPathConflicts conflicts) {
        this.jshellAdd = jshellAdd;
        this.conflicts = conflicts;
    }

    /**
     * Checks all of {@code paths} first, then adds the ones that shadow nothing: an error while
     * checking (an unreadable jar) leaves the class path as it was.
     */
    synchronized Outcome add(List<Path> paths) {
        List<Path> toAdd = new ArrayList<>();
        List<ClassPathConflicts.Overlap> refused = new ArrayList<>();
        List<Path> already = new ArrayList<>();
        for (Path path : paths) {
            Path normal = path.toAbsolutePath().normalize();
            if (entries.contains(normal) || toAdd.contains(normal)) {
                already.add(normal);
                continue;
            }
            ClassPathConflicts.Overlap overlap = conflicts.check(normal);
            if (overlap.any()) {
                refused.add(overlap);
            } else {
                toAdd.add(normal);
            }
        }
        for (Path path : toAdd) {
            jshellAdd.accept(path.toString());
            entries.add(path);
        }
        return new Outcome(toAdd, refused, already);
    }

    synchronized List<Path> entries() {
        return List.copyOf(entries);
    }
}
