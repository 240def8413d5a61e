package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
    private static BufferedImage png(MimeBundle bundle) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(bundle.get(MimeBundle.PNG))));
    }

    /** Distinct colours: a drawn chart has many (antialiased lines, text), a blank image one or two. */
    private static long colours(BufferedImage image) {
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                set.add(image.getRGB(x, y));
            }
        }
        return set.size();
    }

    @Test
    void xyChartBecomesAPngOfItsSize() throws Exception {
        var chart = Plots.xy("title", "x", "y");
        Plots.line(chart, "a", new double[] {1, 2, 3}, new double[] {1, 10, 100});
        Plots.errorBars(chart, "b", new double[] {1, 2, 3}, new double[] {2, 20, 50}, new double[] {1, 2, 3});
        Plots.band(chart, "c", new double[] {1, 2, 3}, new double[] {1, 5, 40}, new double[] {3, 30, 150});
        Plots.logAxes(chart, false, true);
        MimeBundle bundle = Display.render(chart);
        BufferedImage image = png(bundle);
        assertEquals(Plots.WIDTH, image.getWidth());
        assertEquals(Plots.HEIGHT, image.getHeight());
        assertTrue(colours(image) > 20, "chart looks blank: " + colours(image) + " colours");
        assertTrue(bundle.plainText().contains("\"title\""), bundle.plainText());
    }

    @Test
    void heatmapRendersAndChecksShape() throws Exception {
        MimeBundle bundle = Display.render(Plots.heatmap("k", new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertTrue(colours(png(bundle)) > 5);
        assertThrows(IllegalArgumentException.class, () -> Plots.heatmap("ragged", new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Plots.heatmap("empty", new double[0][0]));
    }

    @Test
    void curvesAndLengthChecks() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("loss", new double[] {1, 0.5, 0.25});
        series.put("validation", new double[] {1.2, 0.6, 0.4});
        var chart = Plots.curves("history", "epoch", "loss", null, series, true);
        assertEquals(List.of("loss", "validation"), chart.getSeriesCollection().stream().map(s -> s.getName()).toList());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.line(Plots.xy("t", "x", "y"), "bad", new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void tableBecomesEscapedHtml() {
        Table table = Table.create("a <b> table", IntColumn.create("n", 1, 2), StringColumn.create("s", "x&y", "<script>"));
        MimeBundle bundle = Display.render(table);
        String html = bundle.get(MimeBundle.HTML);
        assertTrue(html.startsWith("<table class=\"latticeq-table\"><caption>a &lt;b&gt; table</caption>"), html);
        assertTrue(html.contains("<td>x&amp;y</td>") && html.contains("<td>&lt;script&gt;</td>"), html);
        assertFalse(html.contains("<script>"));
        assertTrue(bundle.plainText().contains("x&y"));
    }

    @Test
    void longTablesAreElidedInTheMiddle() {
        int[] values = new int[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        String html = TableHtml.render(Table.create("long", IntColumn.create("i", values)), 10);
        assertTrue(html.contains("<td>4</td>") && html.contains("<td>95</td>") && html.contains("<td>99</td>"), html);
        assertFalse(html.contains("<td>5</td>") || html.contains("<td>94</td>"), html);
        assertTrue(html.contains("90 rows"), html);
        assertTrue(html.contains("100 rows &times; 1 columns"), html);
    }

    @Test
    void togetherEmbedsChartAndTableInOneSelfContainedOutput() {
        var chart = Plots.xy("c", "x", "y");
        Plots.line(chart, "a", new double[] {1, 2}, new double[] {3, 4});
        MimeBundle bundle = Display.together(Table.create("t", IntColumn.create("n", new int[] {7})), chart, "note");
        String html = bundle.get(MimeBundle.HTML);
        assertTrue(html.contains("<td>7</td>"), html);
        assertTrue(html.contains("<img src=\"data:image/png;base64,iVBOR"), "PNG as data URI");
        assertTrue(html.contains("<pre>note</pre>"), html);
        assertTrue(bundle.plainText().endsWith("note"), bundle.plainText());
        assertThrows(IllegalArgumentException.class, Display::together);
    }

    @Test
    void displayableAndPlainObjects() {
        Displayable d = () -> MimeBundle.text("t").withHtml("<i>h</i>");
        assertEquals("<i>h</i>", Display.render(d).get(MimeBundle.HTML));
        assertEquals(Map.of(MimeBundle.TEXT, "[1, 2]"), Display.render(List.of(1, 2)).data());
        assertThrows(IllegalArgumentException.class, () -> MimeBundle.text("x").with("nonsense", "y"));
    }

    @Test
    void chartAsSvgIsAVectorImageWithItsSeriesAndNoPng() {
        var chart = Plots.xy("svg title", "x", "y");
        Plots.line(chart, "series-a", new double[] {1, 2, 3}, new double[] {1, 4, 9});
        MimeBundle svg = Renderers.chart(chart, ChartFormat.SVG);
        assertFalse(svg.has(MimeBundle.PNG));
        String markup = svg.get(MimeBundle.SVG);
        assertTrue(markup.startsWith("<svg"), markup.substring(0, Math.min(80, markup.length())));
        // XChart draws text as glyph outlines, so titles are paths, not <text>: check the frame and shapes.
        assertTrue(markup.contains("width=\"720px\"") && markup.contains("height=\"420px\"") && markup.strip().endsWith("</svg>"),
                markup.substring(0, Math.min(300, markup.length())));
        assertTrue(markup.contains("<path") || markup.contains("<line") || markup.contains("<polyline"), "no vector shapes");
        MimeBundle png = Renderers.chart(chart, ChartFormat.PNG);
        assertFalse(png.has(MimeBundle.SVG));
        assertEquals(png.plainText(), svg.plainText());
    }

    @Test
    void chartFormatFollowsTheSettingAndRejectsOthers() {
        ChartFormat before = Renderers.chartFormat();
        try {
            Renderers.setChartFormat(ChartFormat.SVG);
            var chart = Plots.xy("t", "x", "y");
            Plots.line(chart, "s", new double[] {1, 2}, new double[] {2, 1});
            assertTrue(Display.render(chart).has(MimeBundle.SVG));
            Renderers.setChartFormat(ChartFormat.PNG);
            assertTrue(Display.render(chart).has(MimeBundle.PNG));
        } finally {
            Renderers.setChartFormat(before);
        }
        assertEquals(ChartFormat.SVG, ChartFormat.parse(" Svg ", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartFormat.parse("gif", "LATTICEQ_CHART_FORMAT"));
        assertTrue(e.getMessage().contains("LATTICEQ_CHART_FORMAT = gif") && e.getMessage().contains("png or svg"), e.getMessage());
    }

    @Test
    void displayReturnsAnIdThatUpdateDisplayReplaces() {
        List<String> events = new java.util.ArrayList<>();
        DisplaySink recording = new DisplaySink() {
            @Override
            public void display(MimeBundle bundle, String displayId) {
                events.add("display " + displayId + " " + bundle.plainText());
            }

            @Override
            public void update(MimeBundle bundle, String displayId) {
                events.add("update " + displayId + " " + bundle.plainText());
            }
        };
        DisplaySink before = Display.sink();
        Display.install(recording);
        try {
            String id = Display.display("first");
            Display.updateDisplay(id, "second");
            Display.html("<b>bold</b>");
            Display.markdown("*md*");
            assertEquals(List.of("display " + id + " first", "update " + id + " second", "display null bold", "display null *md*"), events);
            assertNotEquals(id, Display.display("other"));
            assertThrows(IllegalArgumentException.class, () -> Display.updateDisplay(" ", "x"));
        } finally {
            Display.install(before);
        }
        assertEquals("*md*", Display.markdownBundle("*md*").get(MimeBundle.MARKDOWN));
        assertEquals("a b", Display.htmlBundle("<p>a <i>b</i></p>", null).plainText());
    }

    @Test
    void floatingPointCellsShowFourSignificantDigits() {
        assertEquals("0.592", TableHtml.formatNumber(0.5920449240000001).substring(0, 5));
        assertEquals("0.592", TableHtml.formatNumber(0.592));
        assertEquals("1.420e-17", TableHtml.formatNumber(0.000000000000000014203965036022017));
        assertEquals("3", TableHtml.formatNumber(3.0));
        assertEquals("1.235e+05", TableHtml.formatNumber(123456.7));
        assertEquals("-0.001234", TableHtml.formatNumber(-0.0012341));
        assertEquals("NaN", TableHtml.formatNumber(Double.NaN));
        String html = TableHtml.render(Table.create("t", tech.tablesaw.api.DoubleColumn.create("x", 0.5920449240000001, 1.4203965036022017e-17)), 10);
        assertTrue(html.contains("<td>0.592</td>") && html.contains("<td>1.420e-17</td>"), html);
    }

    @Test
    void everyFamilyHasOneColourInEveryPlot() {
        var eq = Plots.familyColour("EQ");
        assertNotNull(eq);
        assertEquals(eq, Plots.familyColour("EQ median"));
        assertEquals(eq, Plots.familyColour("EQ+dense[16]"));
        assertEquals(eq, Plots.familyColour("EQ/validation"));
        assertNotEquals(eq, Plots.familyColour("ST median"));
        assertNull(Plots.familyColour("EQUIVARIANT/SGD"), "a mode is not a family");
        assertNull(Plots.familyColour("truth"));
        var chart = Plots.xy("t", "x", "y");
        Plots.line(chart, "EQ median", new double[] {1, 2}, new double[] {1, 2});
        Plots.band(chart, "EQ min..max", new double[] {1, 2}, new double[] {0, 1}, new double[] {2, 3});
        Plots.errorBars(chart, "ST", new double[] {1}, new double[] {1}, new double[] {0});
        assertEquals(eq, chart.getSeries("EQ median").getLineColor());
        assertEquals(eq.getRGB() & 0xFFFFFF, chart.getSeries("EQ min..max").getFillColor().getRGB() & 0xFFFFFF);
        assertEquals(Plots.familyColour("ST"), chart.getSeries("ST").getMarkerColor());
        var curves = Plots.curves("c", "epoch", "loss", null, java.util.Map.of("EQ validation", new double[] {1, 2}), true);
        assertEquals(eq, curves.getSeries("EQ validation").getLineColor());
    }

    @Test
    void labelsUseSymbolsAndNarrowLogAxesGetIntermediateTicks() {
        assertEquals("test MSE of |φ|² vs μ", Plots.symbols("test MSE of |phi|^2 vs mu"));
        assertEquals("<φ²> at mus", Plots.symbols("<phi^2> at mus"));
        var chart = Plots.logAxes(Plots.xy("MSE of |phi|^2", "mu", "y"), true, true);
        assertEquals("MSE of |φ|²", chart.getTitle());
        Plots.line(chart, "narrow y", new double[] {1, 1000}, new double[] {2e-6, 9e-6});
        Renderers.chart(chart, ChartFormat.PNG);
        assertFalse(chart.getStyler().isYAxisLogarithmicDecadeOnly(), "less than two decades: intermediate ticks");
        assertTrue(chart.getStyler().isXAxisLogarithmicDecadeOnly(), "three decades: decade ticks suffice");
    }
}
