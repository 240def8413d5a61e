package latticeq.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/** Turns the value types the notebooks use into mime bundles. */
public final class Renderers {
    /** Rows of a table shown in HTML before the middle is elided. */
    public static final int MAX_TABLE_ROWS = 40;

    /** Read once at class load; a bad value falls back to PNG (the kernel reports it at start). */
    private static volatile ChartFormat chartFormat = defaultChartFormat();

    private Renderers() {}

    private static ChartFormat defaultChartFormat() {
        try {
            return ChartFormat.fromEnvironment();
        } catch (IllegalArgumentException e) {
            return ChartFormat.PNG;
        }
    }

    /** The format charts are rendered in from now on (the kernel's %display magic sets it). */
    public static void setChartFormat(ChartFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format = null: need ChartFormat.PNG or ChartFormat.SVG");
        }
        chartFormat = format;
    }

    public static ChartFormat chartFormat() {
        return chartFormat;
    }

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

    /** An XChart chart in the current {@link #chartFormat()}. */
    public static MimeBundle chart(Chart<?, ?> chart) {
        return chart(chart, chartFormat);
    }

    /** An XChart chart as a PNG at its own size (72 dpi: what the chart's width/height say) or as SVG. */
    public static MimeBundle chart(Chart<?, ?> chart, ChartFormat format) {
        if (chart instanceof org.knowm.xchart.XYChart xy) Plots.readableLogTicks(xy);
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "chart" : chart.getTitle();
        MimeBundle text = MimeBundle.text(chart.getClass().getSimpleName() + " \"" + title + "\" "
                + chart.getWidth() + "x" + chart.getHeight());
        try {
            if (format == ChartFormat.SVG) {
                return text.withSvg(svg(chart));
            }
            return text.withPng(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as " + format, e);
        }
    }

    /**
     * The chart as an SVG element. The XML prolog and DOCTYPE VectorGraphics2D writes are cut:
     * the markup is embedded in HTML (reports, {@link Display#together}), where they do not belong.
     */
    static String svg(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        return start > 0 ? svg.substring(start) : svg;
    }

    /** A Tablesaw table as an HTML table (plain text: Tablesaw's own printout). */
    public static MimeBundle table(Table table) {
        return MimeBundle.text(table.rowCount() > MAX_TABLE_ROWS ? table.print(MAX_TABLE_ROWS) : table.printAll())
                .withHtml(TableHtml.render(table, MAX_TABLE_ROWS));
    }
}
