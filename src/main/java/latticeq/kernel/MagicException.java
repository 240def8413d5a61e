package latticeq.kernel;

/**
 * A magic's bad argument or failed action, in words that name the argument; the kernel prefixes
 * the magic's name and the cell line (see {@link KernelMagics}).
 */
final class MagicException extends Exception {
    MagicException(String message) {
        super(message);
    }

    MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
