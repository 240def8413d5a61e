package latticeq.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {
    @TempDir
    Path dir;

    private final AtomicInteger computed = new AtomicInteger();
    private final List<String> unusable = new ArrayList<>();

    private int load(Path entry) throws IOException {
        return DiskCache.loadOrCompute(entry, e -> Integer.parseInt(Files.readString(e).trim()),
                () -> 40 + computed.incrementAndGet(), (v, e) -> AtomicFiles.writeString(e, v.toString()), unusable::add);
    }

    @Test
    void computesOnceThenLoads() throws IOException {
        Path entry = dir.resolve("answer");
        assertEquals(41, load(entry));
        assertEquals(41, load(entry));
        assertEquals(1, computed.get());
        assertEquals(List.of(), unusable);
    }

    @Test
    void anUnusableEntryIsReportedComputedAgainAndReplaced() throws IOException {
        Path entry = dir.resolve("answer");
        Files.writeString(entry, "not a number");
        assertEquals(41, load(entry));
        assertEquals(1, unusable.size());
        assertTrue(unusable.get(0).contains("not a number"), unusable.get(0));
        assertEquals("41", Files.readString(entry));
        assertEquals(41, load(entry));
        assertEquals(1, computed.get());
    }
}
