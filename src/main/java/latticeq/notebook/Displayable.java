package latticeq.notebook;

/**
 * A value that knows how to show itself in a notebook. The kernel renders any cell result that
 * implements this; {@link Display#show(Object)} does the same in the middle of a cell.
 *
 * <p>Library records cannot implement this (the library never depends on the notebook layer):
 * wrap them from the notebook side instead, e.g. {@code Plots.curves(...)} or
 * {@code Tables.fromRecords(...)}.
 */
@FunctionalInterface
public interface Displayable {
    MimeBundle toMimeBundle();
}
