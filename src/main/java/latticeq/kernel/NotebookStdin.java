package latticeq.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * {@code System.in} while a cell runs: the base kernel's stream, which asks the front end for a
 * line (Jupyter's input_request) when the request allowed input. When it did not (nbconvert
 * sends allow_stdin=false), the base stream just ends, and {@code Scanner.nextLine()} fails
 * with "No line found"; this one throws an error that says why instead. It is unchecked because
 * Scanner swallows IOExceptions.
 */
final class NotebookStdin extends InputStream {
    /** What a cell reading input sees when the front end allows no input. */
    static final class InputNotAllowedException extends IllegalStateException {
        InputNotAllowedException() {
            super("System.in: this front end allows no input (the execute request has allow_stdin=false, as nbconvert"
                    + " and other batch runs send): give the value in the code or through an environment variable");
        }
    }

    private final InputStream frontEnd;
    private final BooleanSupplier cellRunning;
    private final BooleanSupplier inputAllowed;

    /**
     * @param frontEnd     the base kernel's stream (reads one line per input_request)
     * @param cellRunning  whether an execute request is being handled (else: end of input)
     * @param inputAllowed whether that request allows input
     */
    NotebookStdin(InputStream frontEnd, BooleanSupplier cellRunning, BooleanSupplier inputAllowed) {
        this.frontEnd = frontEnd;
        this.cellRunning = cellRunning;
        this.inputAllowed = inputAllowed;
    }

    private void check() {
        if (cellRunning.getAsBoolean() && !inputAllowed.getAsBoolean()) {
            throw new InputNotAllowedException();
        }
    }

    @Override
    public int read() throws IOException {
        if (frontEnd.available() <= 0) {
            check();
        }
        return frontEnd.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len > 0 && frontEnd.available() <= 0) {
            check();
        }
        return frontEnd.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return frontEnd.available();
    }
}
