package latticeq.notebook;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import latticeq.progress.ProgressListener;

/**
 * A {@link ProgressListener} for notebooks: inside Jupyter one output that is replaced in place
 * (display_data with a display id, then update_display_data); outside, a plain line on stdout
 * now and then. Updates are rate-limited, so library loops may call it as often as they like.
 */
public final class ProgressBar implements ProgressListener {
    /** Least time between two shown updates in a notebook. */
    public static final long NOTEBOOK_INTERVAL_NANOS = 200_000_000L;
    /** Least time between two printed lines outside a notebook. */
    public static final long TEXT_INTERVAL_NANOS = 5_000_000_000L;
    private static final int WIDTH = 30;

    private final String label;
    private final DisplaySink sink;
    private final PrintStream text;
    private final LongSupplier clock;
    private final String displayId;
    private final long startNanos;
    private long lastShownNanos = Long.MIN_VALUE;
    private long lastDone = -1;
    private long lastTotal = -1;
    private String lastMessage = "";
    private boolean finished;
    private int shownCount;

    private ProgressBar(String label, DisplaySink sink, PrintStream text, LongSupplier clock) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label = " + label + " is blank: need a short description of the work");
        }
        this.label = label;
        this.sink = sink;
        this.text = text;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.displayId = Display.newDisplayId("latticeq-progress");
        this.startNanos = clock.getAsLong();
        if (sink != null) {
            sink.display(bundle(0, 0, "starting", false), displayId);
            shownCount++;
        }
    }

    /** A bar on the kernel's display, or plain text on stdout outside Jupyter. */
    public static ProgressBar start(String label) {
        return new ProgressBar(label, Display.sink(), null, System::nanoTime);
    }

    /** A bar with an explicit sink (null: text on {@code text}) and clock, for tests. */
    public static ProgressBar create(String label, DisplaySink sink, PrintStream text, LongSupplier nanoClock) {
        return new ProgressBar(label, sink, text, nanoClock);
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        if (total < 0 || done < 0 || done > total) {
            throw new IllegalArgumentException("progress done = " + done + ", total = " + total
                    + " is not valid: need 0 <= done <= total");
        }
        lastDone = done;
        lastTotal = total;
        lastMessage = message == null ? "" : message;
        long now = clock.getAsLong();
        long interval = sink != null ? NOTEBOOK_INTERVAL_NANOS : TEXT_INTERVAL_NANOS;
        if (lastShownNanos != Long.MIN_VALUE && now - lastShownNanos < interval) {
            return;
        }
        lastShownNanos = now;
        show(false);
    }

    @Override
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        show(true);
    }

    /** How many times the display was written (initial display and updates), for tests. */
    public synchronized int shownCount() {
        return shownCount;
    }

    public String displayId() {
        return displayId;
    }

    private void show(boolean done) {
        long d = Math.max(lastDone, 0), t = Math.max(lastTotal, 0);
        MimeBundle bundle = bundle(d, t, lastMessage, done);
        shownCount++;
        if (sink != null) {
            sink.update(bundle, displayId);
        } else {
            (text != null ? text : System.out).println(bundle.plainText());
        }
    }

    private MimeBundle bundle(long done, long total, String message, boolean finishedNow) {
        double fraction = total == 0 ? (finishedNow ? 1 : 0) : (double) done / total;
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        String counts = total == 0 ? "" : done + "/" + total;
        String eta = "";
        if (!finishedNow && fraction > 0 && fraction < 1) {
            eta = String.format(Locale.ROOT, ", about %.0f s left", seconds * (1 - fraction) / fraction);
        }
        String status = String.format(Locale.ROOT, "%s %5.1f%% %s [%.1f s%s]%s%s", label, 100 * fraction, counts,
                seconds, eta, message.isEmpty() ? "" : " " + message, finishedNow ? " done" : "");
        int filled = (int) Math.round(fraction * WIDTH);
        String plain = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + status;
        String html = "<div class=\"latticeq-progress\" style=\"font-family:monospace\">"
                + "<progress value=\"" + String.format(Locale.ROOT, "%.4f", fraction) + "\" max=\"1\" style=\"width:20em\"></progress> "
                + TableHtml.escape(status) + "</div>";
        return MimeBundle.text(plain).withHtml(html);
    }
}
