package latticeq.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where System.out and System.err point while no cell runs: what a cell's background thread
 * prints after its cell has ended goes to the kernel's log as before, and is also kept (up to
 * {@link #LIMIT} bytes; beyond that a count of what was left out) to be shown at the start of the
 * next cell, so a user sees it in the notebook instead of losing it.
 */
final class BetweenCellsOutput extends OutputStream {
    static final int LIMIT = 1 << 20;

    private final String name;
    private final PrintStream log;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    private BetweenCellsOutput(String name, PrintStream log) {
        this.name = name;
        this.log = log;
    }

    /** Replaces System.out and System.err by between-cell streams; returns them (out, err). */
    static BetweenCellsOutput[] install() {
        BetweenCellsOutput out = new BetweenCellsOutput("stdout", System.out), err = new BetweenCellsOutput("stderr", System.err);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return new BetweenCellsOutput[] {out, err};
    }

    @Override
    public synchronized void write(int b) {
        log.write(b);
        if (kept.size() < LIMIT) kept.write(b);
        else dropped++;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        log.write(b, off, len);
        int room = Math.max(0, LIMIT - kept.size());
        kept.write(b, off, Math.min(room, len));
        dropped += Math.max(0, len - room);
    }

    @Override
    public void flush() {
        log.flush();
    }

    /** What was printed since the last call, with a header; empty when nothing was. */
    synchronized String takeWithHeader() {
        if (kept.size() == 0 && dropped == 0) return "";
        String text = kept.toString(StandardCharsets.UTF_8);
        String header = "[" + name + " printed after the previous cell had ended"
                + (dropped > 0 ? "; " + dropped + " more bytes are only in the kernel's log" : "") + "]\n";
        kept.reset();
        dropped = 0;
        return header + text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n");
    }
}
