package latticeq.notebook;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows values in the notebook: the one place that turns objects into {@link MimeBundle}s and
 * sends them to the kernel's {@link DisplaySink} (or prints their text outside Jupyter).
 */
public final class Display {
    private static volatile DisplaySink sink;
    private static final AtomicLong DISPLAY_IDS = new AtomicLong();

    private Display() {}

    /** Called by the kernel at start; {@code null} removes the sink (plain-text fallback). */
    public static void install(DisplaySink newSink) {
        sink = newSink;
    }

    /** The installed sink, or {@code null} outside a Jupyter kernel. */
    public static DisplaySink sink() {
        return sink;
    }

    public static boolean inNotebook() {
        return sink != null;
    }

    /** A fresh display id, unique within this JVM. */
    public static String newDisplayId(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + DISPLAY_IDS.incrementAndGet();
    }

    /**
     * The rich representation of a value: {@link Displayable}, XChart charts (PNG), Tablesaw
     * tables (HTML), {@link MimeBundle} itself; anything else as its {@code toString()}.
     */
    public static MimeBundle render(Object value) {
        return Renderers.render(value);
    }

    /** Shows a value now (not only as the last expression of a cell); it cannot be updated later. */
    public static void show(Object value) {
        emit(render(value), null);
    }

    /** To the notebook's output as display {@code id} (null: none), or its text to stdout outside Jupyter. */
    private static void emit(MimeBundle bundle, String id) {
        DisplaySink current = sink;
        if (current != null) {
            current.display(bundle, id);
        } else {
            System.out.println(bundle.plainText());
        }
    }

    /**
     * Several values as one output, side by side where the page is wide enough: e.g. a training
     * history as {@code Display.together(Tables.fromRecords(...), Plots.curves(...))}. Images
     * are embedded as data URIs, so the HTML stays self-contained.
     */
    public static MimeBundle together(Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values is empty: need at least one value to show");
        }
        StringBuilder html = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start\">");
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            MimeBundle part = render(value);
            html.append("<div>");
            if (part.has(MimeBundle.HTML)) {
                html.append(part.get(MimeBundle.HTML));
            } else if (part.has(MimeBundle.PNG)) {
                html.append("<img src=\"data:image/png;base64,").append(part.get(MimeBundle.PNG)).append("\"/>");
            } else if (part.has(MimeBundle.SVG)) {
                html.append(part.get(MimeBundle.SVG));
            } else {
                html.append("<pre>").append(TableHtml.escape(part.plainText())).append("</pre>");
            }
            html.append("</div>");
            text.append(text.length() == 0 ? "" : "\n\n").append(part.plainText());
        }
        return MimeBundle.text(text.toString()).withHtml(html.append("</div>").toString());
    }

    /**
     * Shows a value as a new output and returns its display id, which {@link #updateDisplay}
     * takes to replace that output in place (IJava's {@code display}; the kernel imports it
     * statically, so a cell may write {@code String id = display(x);}). Outside Jupyter the
     * value's text is printed and the id is still returned.
     */
    public static String display(Object value) {
        String id = newDisplayId("latticeq-display");
        emit(render(value), id);
        return id;
    }

    /**
     * Replaces the output shown by {@link #display(Object)} under {@code displayId} with
     * {@code value} (Jupyter's update_display_data; progress bars work this way). Outside Jupyter
     * the new text is printed.
     */
    public static void updateDisplay(String displayId, Object value) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("displayId = " + displayId + " is blank: need the id display(...) returned");
        }
        MimeBundle bundle = render(value);
        DisplaySink current = sink;
        if (current != null) {
            current.update(bundle, displayId);
        } else {
            System.out.println(bundle.plainText());
        }
    }

    /** Shows HTML (with a plain-text twin for front ends without HTML). */
    public static void html(String html, String plainText) {
        show(htmlBundle(html, plainText));
    }

    /** Shows HTML; the plain-text twin is the markup without its tags. */
    public static void html(String html) {
        show(htmlBundle(html, null));
    }

    /** Shows Markdown (front ends render it; the plain-text twin is the Markdown source). */
    public static void markdown(String markdown) {
        show(markdownBundle(markdown));
    }

    /** An HTML output; {@code plainText} null: the markup without tags. */
    public static MimeBundle htmlBundle(String html, String plainText) {
        if (html == null) {
            throw new IllegalArgumentException("html = null: need markup, e.g. \"<b>done</b>\"");
        }
        String text = plainText != null ? plainText : html.replaceAll("<[^>]*>", "").strip();
        return MimeBundle.text(text).withHtml(html);
    }

    public static MimeBundle markdownBundle(String markdown) {
        if (markdown == null) {
            throw new IllegalArgumentException("markdown = null: need Markdown text, e.g. \"**done**\"");
        }
        return MimeBundle.text(markdown).withMarkdown(markdown);
    }
}
