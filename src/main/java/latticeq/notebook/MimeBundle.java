package latticeq.notebook;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One displayable output: the same content in several MIME types (Jupyter's "mime bundle").
 *
 * <p>Values are strings as Jupyter sends them: images are base64, HTML and SVG are markup. A
 * bundle always carries {@code text/plain} so that a front end without HTML or image support (a
 * terminal, a log) still shows something.
 */
public final class MimeBundle {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final String MARKDOWN = "text/markdown";

    private final Map<String, String> data;

    private MimeBundle(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A bundle holding only plain text. */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT, Objects.requireNonNull(text, "text")));
    }

    /** Adds (or replaces) one representation; returns a new bundle. */
    public MimeBundle with(String mimeType, String value) {
        if (mimeType == null || mimeType.indexOf('/') <= 0) {
            throw new IllegalArgumentException("mimeType = " + mimeType + " is not a MIME type: need type/subtype, e.g. text/html");
        }
        Map<String, String> copy = new LinkedHashMap<>(data);
        copy.put(mimeType, Objects.requireNonNull(value, "value"));
        return new MimeBundle(copy);
    }

    public MimeBundle withHtml(String html) {
        return with(HTML, html);
    }

    /** Adds a PNG image given as raw bytes (stored base64, as Jupyter expects). */
    public MimeBundle withPng(byte[] png) {
        return with(PNG, Base64.getEncoder().encodeToString(png));
    }

    public MimeBundle withSvg(String svg) {
        return with(SVG, svg);
    }

    public MimeBundle withMarkdown(String markdown) {
        return with(MARKDOWN, markdown);
    }

    /** MIME type to value, in insertion order, unmodifiable. */
    public Map<String, String> data() {
        return data;
    }

    public String get(String mimeType) {
        return data.get(mimeType);
    }

    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    public String plainText() {
        return data.get(TEXT);
    }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}
