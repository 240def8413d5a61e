package latticeq.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's stdout or stderr as Jupyter should get it: bytes gathered and passed on in chunks (when
 * {@code maxBytes} are waiting, every {@code periodMillis}, and when the cell ends), as IPython
 * does, instead of one stream message per {@code println}. A front end then gets tens of messages
 * for tens of thousands of lines, so nothing is dropped at ZeroMQ's high-water mark and the idle
 * status arrives. Explicit flushes ({@code PrintStream}'s autoflush after every line) only mark the
 * data as ready; {@link #drain} passes everything on at once. Thread-safe: background threads of
 * a cell may print too.
 */
final class CoalescingOutputStream extends OutputStream {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "latticeq-output-coalescer");
        t.setDaemon(true);
        return t;
    });

    private final OutputStream target;
    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ScheduledFuture<?> periodic;
    private boolean closed;

    /**
     * @param target       where the chunks go (the base kernel's stream for this cell)
     * @param maxBytes     pass on as soon as this many bytes wait, >= 1
     * @param periodMillis pass on what waits at least this often, >= 1
     */
    CoalescingOutputStream(OutputStream target, int maxBytes, long periodMillis) {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes = " + maxBytes + ": need >= 1");
        if (periodMillis < 1) throw new IllegalArgumentException("periodMillis = " + periodMillis + ": need >= 1");
        this.target = target;
        this.maxBytes = maxBytes;
        this.periodic = TIMER.scheduleAtFixedRate(this::drainQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (closed) {
            target.write(b);
            target.flush();
            return;
        }
        buffer.write(b);
        if (buffer.size() >= maxBytes) drain();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            target.write(b, off, len);
            target.flush();
            return;
        }
        buffer.write(b, off, len);
        if (buffer.size() >= maxBytes) drain();
    }

    /** A line's autoflush: the timer or the size limit passes it on. */
    @Override
    public void flush() {
    }

    /** Passes on everything that waits, as one chunk. */
    synchronized void drain() throws IOException {
        if (buffer.size() == 0) return;
        buffer.writeTo(target);
        buffer.reset();
        target.flush();
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (IOException | RuntimeException e) {
            // the cell's stream is gone (cell ended): the final drain in close() reports nothing either
        }
    }

    /** Stops the timer and passes on the rest; later writes go straight through. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        periodic.cancel(false);
        drain();
        closed = true;
    }
}
