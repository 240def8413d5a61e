package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
}
