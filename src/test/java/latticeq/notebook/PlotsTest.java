package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class PlotsTest {

    @Test
    void intermediateLogTicksLabelOnlyOneTwoAndFive() {
        assertEquals("100", Plots.logTickLabel(100));
        assertEquals("200", Plots.logTickLabel(200.0000001));
        assertEquals("500", Plots.logTickLabel(500));
        assertEquals("", Plots.logTickLabel(600));
        assertEquals("", Plots.logTickLabel(900));
        assertEquals("0.02", Plots.logTickLabel(0.02));
        assertEquals("5e-7", Plots.logTickLabel(5e-7));
        assertEquals("1e6", Plots.logTickLabel(1e6));
        assertEquals("", Plots.logTickLabel(0));
    }

    @Test
    void narrowLogAxisGetsIntermediateTicksWideOneKeepsDecades() {
        XYChart narrow = Plots.logAxes(Plots.xy("narrow", "x", "y"), true, true);
        Plots.line(narrow, "EQ", new double[] {100, 2000}, new double[] {1e-6, 1e-2});
        Plots.readableLogTicks(narrow);
        assertFalse(narrow.getStyler().isXAxisLogarithmicDecadeOnly());
        assertEquals("", narrow.getStyler().getXAxisTickLabelsFormattingFunction().apply(700.0));
        assertTrue(narrow.getStyler().isYAxisLogarithmicDecadeOnly(), "four decades keep decade ticks");
        assertNull(narrow.getStyler().getYAxisTickLabelsFormattingFunction());
    }

    @Test
    void seedBandDrawsTheGeometricMeanAndTheRangeInTheVariantsColour() {
        XYChart chart = Plots.xy("d", "step", "distance");
        double[] x = {0, 1};
        java.awt.Color blue = Plots.variantColour("AUGMENTED/orbit/SGD");
        Plots.seedBand(chart, "AUGMENTED/orbit/SGD", blue, x, java.util.List.of(new double[] {1e-4, 1e-2}, new double[] {1e-2, 0}), 1e-6);
        var mean = chart.getSeries("AUGMENTED/orbit/SGD");
        assertEquals(1e-3, mean.getYData()[0], 1e-15);
        assertEquals(1e-4, mean.getYData()[1], 1e-15, "0 is raised to the floor 1e-6 before the geometric mean");
        assertEquals(blue, mean.getLineColor());
        var band = chart.getSeries("AUGMENTED/orbit/SGD (seed range)");
        assertFalse(band.isShowInLegend());
        assertEquals(1e-2, java.util.Arrays.stream(band.getYData()).max().orElseThrow(), 0);
        assertEquals(1e-6, java.util.Arrays.stream(band.getYData()).min().orElseThrow(), 0);
        // arithmetic mean without a floor; one seed draws no band
        XYChart one = Plots.seedBand(Plots.xy("l", "x", "y"), "NOMINAL/SGD", Plots.variantColour("NOMINAL/SGD"), x,
                java.util.List.of(new double[] {2, -1}), 0);
        assertEquals(-1, one.getSeries("NOMINAL/SGD").getYData()[1], 0);
        assertNull(one.getSeries("NOMINAL/SGD (seed range)"));
        assertThrows(IllegalArgumentException.class, () -> Plots.seedBand(Plots.xy("e", "x", "y"), "e", blue, x,
                java.util.List.of(new double[] {1}), 0));
    }

    @Test
    void everyVariantHasItsOwnColour() {
        var labels = java.util.List.of("NOMINAL/SGD", "EQUIVARIANT/SGD", "AUGMENTED/orbit/SGD/random basis", "AUGMENTED/random/SGD",
                "AUGMENTED/orbit/Adam", "AUGMENTED/orbit/SGD");
        assertEquals(labels.size(), labels.stream().map(Plots::variantColour).distinct().count());
    }

    @Test
    void runsAndMedianDrawThinRunsOutOfTheLegendAndAThickMedian() {
        XYChart chart = Plots.xy("r", "epoch", "distance");
        java.awt.Color c = new java.awt.Color(10, 20, 30);
        Plots.runsAndMedian(chart, "cross", c, java.util.List.of(new double[] {0, 1}, new double[] {3, 1}), new double[] {1.5, 0}, 1e-12);
        var median = chart.getSeries("cross (median)");
        assertEquals(2.5f, median.getLineWidth());
        assertEquals(1, median.getXData()[0], 0, "a log plot counts from 1");
        assertEquals(1e-12, median.getYData()[1], 0);
        assertFalse(chart.getSeries("cross run 1").isShowInLegend());
        assertEquals(70, chart.getSeries("cross run 0").getLineColor().getAlpha());
        XYChart linear = Plots.runsAndMedian(Plots.xy("r", "x", "y"), "skew", c, java.util.List.of(new double[] {0, 1}), new double[] {0, 1}, 0);
        assertEquals(0, linear.getSeries("skew (median)").getXData()[0], 0);
        assertEquals(0, linear.getSeries("skew (median)").getYData()[0], 0);
    }

    @Test
    void signedHeatmapIsSymmetricAboutZero() {
        double[][] v = {{-0.5, 2}, {0, 1}};
        var chart = Plots.signed(Plots.heatmap("k", v), v);
        assertEquals(-2, chart.getStyler().getMin(), 0);
        assertEquals(2, chart.getStyler().getMax(), 0);
    }
}
