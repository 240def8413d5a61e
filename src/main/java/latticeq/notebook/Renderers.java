package latticeq.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/** Turns the value types the notebooks use into mime bundles. */
public final class Renderers {
    /** Rows of a table shown in HTML before the middle is elided. */
    public static final int MAX_TABLE_ROWS = 40;

    private Renderers() {}

    public static MimeBundle render(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value instanceof Displayable displayable) {
            return displayable.toMimeBundle();
        }
        if (value instanceof Chart<?, ?> chart) {
            return chart(chart);
        }
        if (value instanceof Table table) {
            return table(table);
        }
        return MimeBundle.text(String.valueOf(value));
    }

    /** An XChart chart as a PNG at its own size (72 dpi: what the chart's width/height say). */
    public static MimeBundle chart(Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "chart" : chart.getTitle();
            return MimeBundle.text(chart.getClass().getSimpleName() + " \"" + title + "\" "
                    + chart.getWidth() + "x" + chart.getHeight()).withPng(png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as PNG", e);
        }
    }

    /** A Tablesaw table as an HTML table (plain text: Tablesaw's own printout). */
    public static MimeBundle table(Table table) {
        return MimeBundle.text(table.rowCount() > MAX_TABLE_ROWS ? table.print(MAX_TABLE_ROWS) : table.printAll())
                .withHtml(TableHtml.render(table, MAX_TABLE_ROWS));
    }
}
