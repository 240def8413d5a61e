package latticeq.kernel;

import java.util.List;

/**
 * A cell that failed to compile or threw: carries the lines Jupyter shows as the traceback,
 * starting with the failing line of the cell.
 */
public final class CellException extends Exception {
    private final String errorName;
    private final List<String> traceback;

    CellException(String errorName, String message, List<String> traceback) {
        super(errorName + ": " + message);
        this.errorName = errorName;
        this.traceback = List.copyOf(traceback);
    }

    /** e.g. "CompileError" or the thrown exception's class name. */
    public String errorName() {
        return errorName;
    }

    public List<String> traceback() {
        return traceback;
    }

    /** Cell errors are reported by their traceback lines, not by the kernel's own stack. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
