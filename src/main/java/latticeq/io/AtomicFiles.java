package latticeq.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one way the library writes a file or a directory: into a hidden temporary next to the target
 * ({@code .<name>.tmp-*}), then one atomic rename onto it. A reader sees the old content or the new,
 * never part of it; a write that fails removes its temporary, and one that dies (killed JVM, power
 * loss) leaves the target as it was and a temporary that the next write into the same folder removes
 * once it is older than {@link #STALE_AFTER}.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Temporaries of an interrupted write older than this are removed by the next write into the same folder. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    /** Writes the content of one file, given the temporary path to write it to. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(Path temporary) throws IOException;
    }

    /**
     * Writes {@code target} atomically, replacing an existing file: {@code content} writes the
     * temporary file (created empty), which is then renamed onto the target.
     *
     * @return what {@code content} returned (a checksum, say)
     */
    public static <T> T write(Path target, Content<T> content) throws IOException {
        return replace(target, false, content);
    }

    /** Writes a text file (UTF-8) atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, tmp -> Files.writeString(tmp, text));
    }

    /**
     * Writes the directory {@code target} atomically, replacing an existing one: {@code content}
     * fills an empty temporary directory, which is then renamed onto the target (an existing
     * target is first renamed aside, {@code .<name>.old-*}, and deleted after).
     */
    public static <T> T writeDirectory(Path target, Content<T> content) throws IOException {
        return replace(target, true, content);
    }

    private static <T> T replace(Path target, boolean directory, Content<T> content) throws IOException {
        Path path = target.toAbsolutePath().normalize();
        Path parent = path.getParent();
        Files.createDirectories(parent);
        String name = path.getFileName().toString();
        removeStaleTemporaries(parent, name, STALE_AFTER);
        String prefix = "." + name + ".tmp-";
        Path tmp = directory ? Files.createTempDirectory(parent, prefix) : Files.createTempFile(parent, prefix, "");
        try {
            T result = content.writeTo(tmp);
            readableByAll(tmp, directory);
            if (directory && Files.exists(path)) {
                // a directory cannot be renamed over a non-empty one: move the old one aside first
                Path old = Files.createTempDirectory(parent, "." + name + ".old-");
                Files.delete(old);
                move(path, old, false);
                move(tmp, path, false);
                deleteTree(old);
            } else {
                move(tmp, path, !directory);
            }
            return result;
        } finally {
            deleteTree(tmp);
        }
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            else Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot write " + to + " atomically on this file system", e);
        }
    }

    /**
     * Removes the temporaries of our own naming ({@code .<name>.tmp-*}, {@code .<name>.old-*}) that
     * an interrupted write of {@code name} left in {@code parent}, when they are older than
     * {@code age}: a write in progress (seconds to minutes) is never touched.
     *
     * @return how many were removed
     */
    public static int removeStaleTemporaries(Path parent, String name, Duration age) throws IOException {
        if (!Files.isDirectory(parent)) return 0;
        long cutoff = System.currentTimeMillis() - age.toMillis();
        int removed = 0;
        try (Stream<Path> list = Files.list(parent)) {
            for (Path p : list.toList()) {
                String f = p.getFileName().toString();
                boolean ours = f.startsWith("." + name + ".tmp-") || f.startsWith("." + name + ".old-");
                if (ours && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    deleteTree(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Deletes a file or a directory with everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Temporaries are created private (0600/0700); what they become should be 0644/0755 like any other output. */
    private static void readableByAll(Path p, boolean directory) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
