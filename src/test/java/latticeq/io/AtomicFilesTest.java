package latticeq.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<Path> temporaries(String name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + name + ".tmp-")).toList();
        }
    }

    /** Runs {@link CrashingWrite} in a fresh JVM on this test's class path and returns its exit status. */
    private static int crashWhileWriting(String kind, Path target, String text) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingWrite.class.getName(), kind, target.toString(), text).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int status = p.waitFor();
        assertEquals(CrashingWrite.EXIT, status, "the writer must die inside the write: " + out);
        return status;
    }

    private static void makeStale(Path p) throws IOException {
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 2 * AtomicFiles.STALE_AFTER.toMillis()));
    }

    @Test
    void replacesAFileAndAFailedWriteKeepsTheOldContentWithoutATemporary() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("a.json"), names());
    }

    @Test
    void aCrashBetweenWriteAndMoveKeepsTheOldFileAndALaterWriteCleansUp() throws Exception {
        Path f = dir.resolve("model.zip");
        AtomicFiles.writeString(f, "old");
        crashWhileWriting("file", f, "new");
        assertEquals("old", Files.readString(f), "the target keeps its old content");
        List<Path> left = temporaries("model.zip");
        assertEquals(1, left.size(), "the crash leaves its temporary: " + names());
        assertEquals("new", Files.readString(left.get(0)), "the crash happened after the write");
        // a fresh temporary could be a write in progress: kept; a stale one is removed by the next write
        AtomicFiles.writeString(f, "newer");
        assertEquals(1, temporaries("model.zip").size(), "a fresh temporary is not touched");
        makeStale(left.get(0));
        AtomicFiles.writeString(f, "newest");
        assertEquals("newest", Files.readString(f));
        assertEquals(List.of("model.zip"), names());
    }

    @Test
    void aCrashWhileWritingANewFileLeavesNoTarget() throws Exception {
        Path f = dir.resolve("best-EQ.json");
        crashWhileWriting("file", f, "new");
        assertFalse(Files.exists(f), "the target stays absent");
        assertEquals(1, temporaries("best-EQ.json").size());
        temporaries("best-EQ.json").forEach(p -> {
            try {
                makeStale(p);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, AtomicFiles.removeStaleTemporaries(dir, "best-EQ.json", AtomicFiles.STALE_AFTER));
        assertEquals(List.of(), names());
    }

    @Test
    void aCrashBetweenWriteAndMoveKeepsTheOldDirectoryAndALaterWriteCleansUp() throws Exception {
        Path d = dir.resolve("entry");
        AtomicFiles.writeDirectory(d, tmp -> Files.writeString(tmp.resolve("data"), "old"));
        crashWhileWriting("directory", d, "new");
        assertEquals("old", Files.readString(d.resolve("data")));
        List<Path> left = temporaries("entry");
        assertEquals(1, left.size(), "the crash leaves its temporary: " + names());
        makeStale(left.get(0));
        AtomicFiles.writeDirectory(d, tmp -> Files.writeString(tmp.resolve("data"), "newer"));
        assertEquals("newer", Files.readString(d.resolve("data")));
        assertEquals(List.of("entry"), names());
        try (Stream<Path> s = Files.list(d)) {
            assertEquals(List.of(d.resolve("data")), s.toList(), "the old directory's files are gone");
        }
    }

    @Test
    void staleTemporariesOfOtherNamesAreNotOurs() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve(".other.tmp-1"));
        makeStale(foreign);
        AtomicFiles.writeString(dir.resolve("t"), "x");
        assertTrue(Files.exists(foreign));
    }
}
