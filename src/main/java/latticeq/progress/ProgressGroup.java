package latticeq.progress;

import java.util.Objects;

/**
 * One progress display for many tasks that run at the same time: each task reports to its own
 * {@link #member}, the target shows the sum of their fractions and how many have finished.
 * Thread-safe: members are called from the tasks' threads.
 */
public final class ProgressGroup {
    private static final long SCALE = 1_000;
    private final ProgressListener target;
    private final double[] fraction;
    private final boolean[] finished;
    private int finishedCount;

    /**
     * @param target the display (e.g. a notebook's progress bar)
     * @param tasks  number of members, >= 1
     */
    public ProgressGroup(ProgressListener target, int tasks) {
        this.target = Objects.requireNonNull(target, "target");
        if (tasks < 1) throw new IllegalArgumentException("tasks = " + tasks + ": need >= 1");
        this.fraction = new double[tasks];
        this.finished = new boolean[tasks];
    }

    /** The listener of task {@code index}; its messages are shown with {@code label} in front. */
    public ProgressListener member(int index, String label) {
        if (index < 0 || index >= fraction.length) {
            throw new IllegalArgumentException("index = " + index + ": need 0.." + (fraction.length - 1));
        }
        return new ProgressListener() {
            @Override
            public void update(long done, long total, String message) {
                report(index, total <= 0 ? 0 : Math.min(1.0, (double) done / total), label + ": " + message);
            }

            @Override
            public void finish() {
                complete(index, label);
            }
        };
    }

    /** Tasks finished so far. */
    public synchronized int finished() {
        return finishedCount;
    }

    private synchronized void report(int index, double f, String message) {
        if (finished[index]) return;
        fraction[index] = f;
        show(message);
    }

    private synchronized void complete(int index, String label) {
        if (finished[index]) return;
        finished[index] = true;
        fraction[index] = 1;
        finishedCount++;
        show(label + " done");
        if (finishedCount == fraction.length) target.finish();
    }

    private void show(String message) {
        double sum = 0;
        for (double f : fraction) sum += f;
        target.update(Math.round(sum * SCALE), fraction.length * SCALE,
                finishedCount + " of " + fraction.length + " done; " + message);
    }
}
