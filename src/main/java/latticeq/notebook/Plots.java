package latticeq.notebook;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts with the notebooks' defaults: line plots (log axes optional), points with error
 * bars, shaded bands, and heat maps of small 2D arrays (kernels, configurations). Every method
 * returns the chart, which the kernel shows as a PNG when it is a cell's last expression.
 */
public final class Plots {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 420;
    private static final Color BAND_FILL = new Color(70, 130, 200, 60);
    private static final Color BAND_LINE = new Color(70, 130, 200, 120);

    private Plots() {}

    /** An empty x-y chart with a title and axis labels ({@link #symbols} applied to all three). */
    public static XYChart xy(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(symbols(title))
                .xAxisTitle(symbols(xLabel)).yAxisTitle(symbols(yLabel)).build();
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    /** The observables as symbols in titles and labels: "|phi|^2" as |φ|², "phi^2" as φ², "mu" as μ. */
    public static String symbols(String text) {
        if (text == null) return null;
        return text.replace("|phi|^2", "|φ|²").replace("phi^2", "φ²").replaceAll("\\bmu\\b", "μ");
    }

    /**
     * A logarithmic axis whose data span less than two decades would carry one tick label or none:
     * it gets the intermediate ticks (2, 3, ..., 9 times a power of ten) instead. Called on every
     * chart before it is drawn ({@link Renderers#chart}).
     */
    public static void readableLogTicks(XYChart chart) {
        var styler = chart.getStyler();
        double[] x = {Double.POSITIVE_INFINITY, 0}, y = {Double.POSITIVE_INFINITY, 0};
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double v : s.getXData()) if (v > 0) { x[0] = Math.min(x[0], v); x[1] = Math.max(x[1], v); }
            for (double v : s.getYData()) if (v > 0) { y[0] = Math.min(y[0], v); y[1] = Math.max(y[1], v); }
        }
        if (styler.isXAxisLogarithmic() && x[1] > 0 && x[1] / x[0] < 100) {
            styler.setXAxisLogarithmicDecadeOnly(false);
            if (styler.getXAxisTickLabelsFormattingFunction() == null) styler.setXAxisTickLabelsFormattingFunction(Plots::logTickLabel);
        }
        if (styler.isYAxisLogarithmic() && y[1] > 0 && y[1] / y[0] < 100) {
            styler.setYAxisLogarithmicDecadeOnly(false);
            if (styler.getYAxisTickLabelsFormattingFunction() == null) styler.setYAxisTickLabelsFormattingFunction(Plots::logTickLabel);
        }
    }

    /**
     * The label of an intermediate logarithmic tick: 1, 2 and 5 times a power of ten are labelled,
     * the others keep their tick mark without a label (labels for 3, 4, 6, 7, 8, 9 run into each other
     * over more than one decade).
     */
    static String logTickLabel(double v) {
        if (!(v > 0)) return "";
        int exponent = (int) Math.floor(Math.log10(v) + 1e-9);
        long mantissa = Math.round(v / Math.pow(10, exponent));
        if (mantissa != 1 && mantissa != 2 && mantissa != 5) return "";
        if (exponent >= 0 && exponent < 6) return Long.toString(Math.round(v));
        if (exponent < 0 && exponent >= -3) return java.math.BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).toPlainString();
        return mantissa + "e" + exponent;
    }

    /** Sets logarithmic axes (all values on such an axis must be positive). */
    public static XYChart logAxes(XYChart chart, boolean logX, boolean logY) {
        chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
        return chart;
    }

    /**
     * One colour per model family in every plot: a series whose name starts with EQ, ST or FL
     * (followed by a space, "+", "/" or the end) gets that family's colour, so EQ is blue in the
     * loss curves and in the size plot alike. Other series keep XChart's palette.
     */
    public static Color familyColour(String seriesName) {
        for (var e : FAMILY_COLOURS.entrySet()) {
            String f = e.getKey();
            if (seriesName.equals(f) || (seriesName.startsWith(f) && " +/".indexOf(seriesName.charAt(f.length())) >= 0)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static final Map<String, Color> FAMILY_COLOURS = Map.of(
            "EQ", new Color(31, 119, 180), "ST", new Color(255, 127, 14), "FL", new Color(44, 160, 44));

    /** The family colour (if any) on a series; variants such as "EQ+dense[16]" dashed, validation curves dashed. */
    private static void colourByFamily(XYSeries series, String name) {
        Color c = familyColour(name);
        if (c == null) return;
        boolean variant = name.length() > 2 && name.charAt(2) == '+';
        series.setLineColor(variant ? c.darker() : c);
        series.setMarkerColor(variant ? c.darker() : c);
        if (variant || name.contains("validation")) series.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
    }

    /** Adds a line with markers. */
    public static XYChart line(XYChart chart, String name, double[] x, double[] y) {
        checkSameLength("y", x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        colourByFamily(series, name);
        return chart;
    }

    /** Adds points without lines (e.g. residuals or predicted against true values). */
    public static XYChart scatter(XYChart chart, String name, double[] x, double[] y) {
        checkSameLength("y", x, y);
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        colourByFamily(series, name);
        return chart;
    }

    /** Adds points with symmetric error bars. */
    public static XYChart errorBars(XYChart chart, String name, double[] x, double[] y, double[] errors) {
        checkSameLength("y", x, y);
        checkSameLength("errors", x, errors);
        XYSeries series = chart.addSeries(name, x, y, errors);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        colourByFamily(series, name);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        return chart;
    }

    /** Adds a shaded band between {@code low} and {@code high} (e.g. a one-sigma region). */
    public static XYChart band(XYChart chart, String name, double[] x, double[] low, double[] high) {
        checkSameLength("low", x, low);
        checkSameLength("high", x, high);
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = high[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = low[i];
        }
        XYSeries series = chart.addSeries(name, px, py);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setMarker(SeriesMarkers.NONE);
        // translucent, so points and lines drawn over the band stay visible; a family's band in its colour
        Color c = familyColour(name);
        series.setFillColor(c == null ? BAND_FILL : new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
        series.setLineColor(c == null ? BAND_LINE : new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
        return chart;
    }

    /**
     * Curves sharing one x axis (index 1..n when {@code x} is null): e.g. a training history's
     * loss and validation loss per epoch, usually with a log y axis.
     */
    public static XYChart curves(String title, String xLabel, String yLabel, double[] x,
                                 Map<String, double[]> series, boolean logY) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series is empty: need at least one curve");
        }
        XYChart chart = xy(title, xLabel, yLabel);
        for (Map.Entry<String, double[]> curve : series.entrySet()) {
            double[] y = curve.getValue();
            double[] xs = x != null ? x : indexAxis(y.length);
            checkSameLength(curve.getKey(), xs, y);
            XYSeries line = chart.addSeries(curve.getKey(), xs, y);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            colourByFamily(line, curve.getKey());
        }
        return logAxes(chart, false, logY);
    }

    /**
     * A heat map of {@code values[row][column]}: row 0 at the top as in a printed matrix (for a
     * lattice field: row = t, column = x).
     */
    public static HeatMapChart heatmap(String title, double[][] values) {
        return heatmap(title, "column", "row", values);
    }

    /** {@link #heatmap(String, double[][])} with axis titles (e.g. "x", "t"). */
    public static HeatMapChart heatmap(String title, String columnLabel, String rowLabel, double[][] values) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("values is empty: need at least one row and one column");
        }
        int rows = values.length, cols = values[0].length;
        // XChart puts y index 0 at the bottom: row r goes to index rows-1-r, labelled r.
        List<Number[]> cells = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("values[" + r + "].length = " + values[r].length
                        + " differs from values[0].length = " + cols + ": need a rectangular array");
            }
            for (int c = 0; c < cols; c++) {
                cells.add(new Number[] {c, rows - 1 - r, values[r][c]});
            }
        }
        List<Integer> xLabels = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            xLabels.add(c);
        }
        List<Integer> yLabels = new ArrayList<>();
        for (int index = 0; index < rows; index++) {
            yLabels.add(rows - 1 - index);
        }
        int side = Math.max(220, Math.min(560, 48 * Math.max(rows, cols)));
        HeatMapChart chart = new HeatMapChartBuilder().width(side + 160).height(side + 80).title(title)
                .xAxisTitle(columnLabel).yAxisTitle(rowLabel).build();
        chart.getStyler().setShowValue(rows * cols <= 64);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.addSeries(title == null || title.isEmpty() ? "values" : title, xLabels, yLabels, cells);
        return chart;
    }

    private static double[] indexAxis(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static void checkSameLength(String name, double[] x, double[] other) {
        if (x.length != other.length) {
            throw new IllegalArgumentException(name + ".length = " + other.length + " differs from x.length = "
                    + x.length + ": need one value per x");
        }
    }
}
