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

    /** Shows a value now (not only as the last expression of a cell). */
    public static void show(Object value) {
        MimeBundle bundle = render(value);
        DisplaySink current = sink;
        if (current != null) {
            current.display(bundle, null);
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

    /** Shows HTML (with a plain-text twin for front ends without HTML). */
    public static void html(String html, String plainText) {
        show(MimeBundle.text(plainText).withHtml(html));
    }
}
