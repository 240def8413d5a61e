package latticeq.progress;

/**
 * Receives progress of long library work (sampling, dataset generation, training).
 *
 * <p>The library only calls this interface; the CLI prints a line, the notebook layer updates
 * one display in place. Implementations must be cheap: callers report at most a few times a second.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param done    units of work finished so far (0 <= done <= total)
     * @param total   units of work in all
     * @param message short status, e.g. "mu=1.05 60x4" or "epoch 12 loss 3.1e-4"
     */
    void update(long done, long total, String message);

    /** Called once when the work is finished (or abandoned). */
    default void finish() {}

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return (done, total, message) -> {};
    }
}
