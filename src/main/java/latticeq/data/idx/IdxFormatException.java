package latticeq.data.idx;

import java.io.IOException;

/** An IDX file whose header or length is not what the format (or the caller) requires. */
public final class IdxFormatException extends IOException {
    public IdxFormatException(String message) {
        super(message);
    }
}
