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

    /**
     * One colour per seed-2 training variant ({@code Variant.label()}: "NOMINAL/SGD",
     * "AUGMENTED/orbit/Adam", "AUGMENTED/orbit/SGD/random basis", ...), the same in every plot of
     * notebooks 11-13: nominal red, equivariant green, the non-orthonormal basis teal, random-element
     * augmentation orange, AMSGrad purple, augmented SGD with the orbit average blue.
     */
    public static Color variantColour(String label) {
        if (label.startsWith("NOMINAL")) return new Color(200, 50, 50);
        if (label.startsWith("EQUIVARIANT")) return new Color(40, 150, 60);
        if (label.contains("random basis")) return new Color(20, 160, 170);
        if (label.contains("random")) return new Color(230, 140, 20);
        if (label.contains("Adam")) return new Color(130, 60, 180);
        return new Color(40, 90, 200);
    }

    /**
     * Curves of several seeds as one line in {@code colour}: their mean (geometric when {@code floor > 0},
     * for log axes, with every value raised to {@code floor} first; arithmetic otherwise), and with more
     * than one seed their min-max range as a translucent band named {@code name + " (seed range)"}, kept
     * out of the legend.
     */
    public static XYChart seedBand(XYChart chart, String name, Color colour, double[] x, List<double[]> ys, double floor) {
        if (ys.isEmpty()) throw new IllegalArgumentException("ys is empty: need the curve of at least one seed");
        for (double[] y : ys) checkSameLength("ys[i]", x, y);
        int n = x.length;
        double[] mid = new double[n], lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            double logSum = 0, sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double[] y : ys) {
                double v = floor > 0 ? Math.max(y[i], floor) : y[i];
                logSum += Math.log(v);
                sum += y[i];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            mid[i] = floor > 0 ? Math.exp(logSum / ys.size()) : sum / ys.size();
            lo[i] = min;
            hi[i] = max;
        }
        if (ys.size() > 1) {
            band(chart, name + " (seed range)", x, lo, hi);
            XYSeries b = chart.getSeries(name + " (seed range)");
            b.setFillColor(translucent(colour, 50));
            b.setLineColor(translucent(colour, 90));
            b.setShowInLegend(false);
        }
        line(chart, name, x, mid);
        XYSeries s = chart.getSeries(name);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        return chart;
    }

    /**
     * Every run as a thin translucent line (not in the legend) and their median as a thick one named
     * {@code name + " (median)"}, as in the plots of arXiv:2303.13458. The x axis counts 0, 1, ...; with
     * {@code floor > 0} (for a log y axis) it counts from 1 and values are raised to {@code floor}.
     */
    public static XYChart runsAndMedian(XYChart chart, String name, Color colour, List<double[]> runs, double[] median, double floor) {
        for (int r = 0; r < runs.size(); r++) {
            double[] y = raised(runs.get(r), floor);
            line(chart, name + " run " + r, countAxis(y.length, floor > 0 ? 1 : 0), y);
            XYSeries s = chart.getSeries(name + " run " + r);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(translucent(colour, 70));
            s.setLineWidth(0.6f);
            s.setShowInLegend(false);
        }
        double[] m = raised(median, floor);
        line(chart, name + " (median)", countAxis(m.length, floor > 0 ? 1 : 0), m);
        XYSeries s = chart.getSeries(name + " (median)");
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineWidth(2.5f);
        return chart;
    }

    /**
     * Signed values (fluxes, kernels) on a blue - white - red scale symmetric about 0, so that 0 is
     * white whatever the range; values shown with two decimals.
     */
    public static HeatMapChart signed(HeatMapChart chart, double[][] values) {
        double m = 1e-12;
        for (double[] row : values) for (double x : row) m = Math.max(m, Math.abs(x));
        chart.getStyler().setRangeColors(new Color[] {new Color(40, 80, 190), Color.WHITE, new Color(190, 40, 40)});
        chart.getStyler().setMin(-m).setMax(m);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        return chart;
    }

    private static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static double[] raised(double[] y, double floor) {
        double[] out = y.clone();
        if (floor > 0) for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], floor);
        return out;
    }

    private static double[] countAxis(int n, int from) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = from + i;
        return x;
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
