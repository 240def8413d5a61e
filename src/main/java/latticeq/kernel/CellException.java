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

    /**
     * A magic's error: "%maven: line 2: 'x' is not a Maven coordinate ...", with the cell's line
     * quoted, so that both the magic and the bad argument are named.
     */
    static CellException magic(String magic, String message, int line, String cell) {
        return new CellException("MagicError", magic + ": line " + line + ": " + message,
                List.of(magic + ": " + message + " (line " + line + ")", JShellEvaluator.quote(cell, line)));
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
