package latticeq.notebook;

/**
 * Where displays go when the code runs inside a Jupyter kernel. The kernel installs one with
 * {@link Display#install(DisplaySink)}; outside Jupyter there is none and helpers print text.
 */
public interface DisplaySink {

    /** Shows a new output; a non-null {@code displayId} lets later calls replace it in place. */
    void display(MimeBundle bundle, String displayId);

    /** Replaces the output shown earlier under {@code displayId} (Jupyter's update_display_data). */
    void update(MimeBundle bundle, String displayId);
}
