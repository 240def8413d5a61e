package latticeq.notebook;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a Tablesaw table as a self-contained HTML table (no scripts, no external styles).
 * Long tables show their first and last rows with an elision row between. Floating-point cells
 * are shown to {@link #SIGNIFICANT_DIGITS} significant digits (scientific where small or large),
 * so that 0.5920449240000001 reads 0.5920; the table itself keeps full precision.
 */
public final class TableHtml {
    private TableHtml() {}

    public static String render(Table table, int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows = " + maxRows + " is too small: need maxRows >= 2");
        }
        StringBuilder html = new StringBuilder(256 + 32 * table.rowCount() * Math.max(1, table.columnCount()));
        html.append("<table class=\"latticeq-table\">");
        if (table.name() != null && !table.name().isEmpty()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        int head = rows <= maxRows ? rows : maxRows / 2;
        int tailStart = rows <= maxRows ? rows : rows - (maxRows - head);
        for (int r = 0; r < head; r++) {
            row(html, table, r);
        }
        if (tailStart > head) {
            html.append("<tr><td colspan=\"").append(table.columnCount()).append("\">&hellip; ")
                    .append(tailStart - head).append(" rows &hellip;</td></tr>");
        }
        for (int r = tailStart; r < rows; r++) {
            row(html, table, r);
        }
        html.append("</tbody></table>");
        html.append("<p style=\"font-size:smaller\">").append(rows).append(" rows &times; ")
                .append(table.columnCount()).append(" columns</p>");
        return html.toString();
    }

    /** Significant digits of floating-point cells. */
    public static final int SIGNIFICANT_DIGITS = 4;

    private static void row(StringBuilder html, Table table, int r) {
        html.append("<tr>");
        for (Column<?> column : table.columns()) {
            String text;
            if (column.isMissing(r)) {
                text = column.getString(r);
            } else if (column instanceof tech.tablesaw.api.DoubleColumn d) {
                text = formatNumber(d.getDouble(r));
            } else if (column instanceof tech.tablesaw.api.FloatColumn f) {
                text = formatNumber(f.getFloat(r));
            } else {
                text = column.getString(r);
            }
            html.append("<td>").append(escape(text)).append("</td>");
        }
        html.append("</tr>");
    }

    /**
     * A number as a person reads it: 4 significant digits, plain between 1e-3 and 1e5, scientific
     * outside (1.420e-17), integers that are exact as they are, NaN and infinities by name.
     */
    public static String formatNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) return Long.toString((long) v);
        if (a >= 1e-3 && a < 1e5) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", v);
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
