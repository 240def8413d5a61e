package latticeq.cli;

import java.io.PrintWriter;
import latticeq.progress.ProgressListener;

/** Progress as one line on stderr, rewritten in place with a carriage return at most twice a second. */
final class StderrProgress implements ProgressListener {

    private final PrintWriter err;
    private final String prefix;
    private final boolean enabled;
    private long last;
    private boolean printed;

    StderrProgress(PrintWriter err, String prefix, boolean enabled) {
        this.err = err;
        this.prefix = prefix;
        this.enabled = enabled;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        long now = System.nanoTime();
        if (!enabled || (printed && now - last < 500_000_000L && done < total)) {
            return;
        }
        last = now;
        printed = true;
        double pct = total > 0 ? 100.0 * done / total : 100;
        err.printf("\r%s %5.1f%% %s", prefix, pct, message);
        err.flush();
    }

    @Override
    public synchronized void finish() {
        if (enabled && printed) {
            err.println();
            err.flush();
            printed = false;
        }
    }
}
