package latticeq.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The one load-or-compute of the library: an entry on disk is read when it is there and readable;
 * otherwise the value is computed, written (atomically, by the writer) and returned. An entry that
 * exists but cannot be used is never dropped silently: the caller is told why before the (long)
 * computation starts.
 */
public final class DiskCache {
    private DiskCache() {}

    /** Reads an entry; throws (an IOException or a RuntimeException naming the problem) when it cannot be used. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path entry) throws IOException;
    }

    /** Computes the value of a missing or unusable entry. */
    @FunctionalInterface
    public interface Computation<T> {
        T compute() throws IOException;
    }

    /** Writes an entry. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, Path entry) throws IOException;
    }

    /**
     * The value read from {@code entry}, or computed and written there.
     *
     * @param unusable told why an existing entry is not used (then it is computed again and replaced)
     */
    public static <T> T loadOrCompute(Path entry, Reader<T> reader, Computation<T> computation, Writer<T> writer,
            Consumer<String> unusable) throws IOException {
        if (Files.exists(entry)) {
            try {
                return reader.read(entry);
            } catch (IOException | RuntimeException e) {
                unusable.accept(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        T value = computation.compute();
        writer.write(value, entry);
        return value;
    }
}
