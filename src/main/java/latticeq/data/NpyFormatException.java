package latticeq.data;

import java.io.IOException;

/** A file that is not the NumPy array (or dataset) it should be; the message names the file and the problem. */
public class NpyFormatException extends IOException {
    public NpyFormatException(String message) {
        super(message);
    }
}
