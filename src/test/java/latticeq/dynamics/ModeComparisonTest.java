package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.data.idx.FashionMnist;
import latticeq.symmetry.PointGroup;
import latticeq.train.TrainingMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ModeComparisonTest {

    @Test
    void equivariantRunsAreExactlyInvariantAndTheOthersAreNot() {
        RegressionData data = RegressionData.phi2AtZeroMu(4, 24, 20, 2, 5, null);
        var task = ModeComparison.Task.phi2(data, 16, 8, PointGroup.d4(), List.of(1), List.of(1));
        var c = new ModeComparison.Config(ModeComparison.Config.adamModes(0.01), Support.FULL, 3, 8, List.of(1L, 2L), 7);
        var r = ModeComparison.run(task, c, null);
        assertEquals(6, r.runs().size());
        for (var run : r.runs()) {
            assertEquals(4, run.trainLoss().length);
            assertEquals(3 * 2, run.steps());
            assertTrue(run.seconds()[3] > run.seconds()[1] && run.seconds()[1] > 0);
            assertTrue(Double.isNaN(run.testAccuracy()[0]), "regression has no accuracy");
            if (run.label().startsWith("EQUIVARIANT")) {
                for (int e = 0; e < 4; e++) {
                    assertTrue(run.distance()[e] < 1e-13, "EQ stays on H_G: " + run.distance()[e]);
                    assertEquals(run.testLoss()[e], run.transformedTestLoss()[e], 1e-10 * run.testLoss()[e], "an invariant network scores a transformed test set alike");
                }
            } else {
                assertTrue(run.distance()[3] > 1e-4, run.label() + " leaves H_G");
            }
        }
        var band = r.band("NOMINAL/Adam", ModeComparison.Run::testLoss);
        assertTrue(band.low()[3] <= band.mean()[3] && band.mean()[3] <= band.high()[3]);
        assertTrue(r.secondsPerEpoch("EQUIVARIANT/Adam") > 0);
    }

    @Test
    void fashionMnistTaskClassifiesWithInvariantEquivariantNetwork() throws Exception {
        var dir = FashionMnist.debianDirectory();
        Assumptions.assumeTrue(dir.isPresent(), "Debian's dataset-fashion-mnist is not installed");
        var task = ModeComparison.Task.fashionMnist(dir.get(), 64, 32, 4, List.of(1), List.of());
        assertTrue(task.classification());
        assertEquals(7, task.trainX().size(2));
        var c = new ModeComparison.Config(List.of(Variant.adam(TrainingMode.EQUIVARIANT, 0.01)), Support.FULL, 1, 16,
                List.of(1L), 3);
        var run = ModeComparison.run(task, c, null).runs().get(0);
        assertEquals(run.testAccuracy()[1], run.transformedTestAccuracy()[1], 1e-12);
        assertTrue(run.testAccuracy()[1] >= 0 && run.testAccuracy()[1] <= 1);
    }

    @Test
    void plainReferenceIsANominalRunFromTheUnprojectedStart() {
        RegressionData data = RegressionData.phi2AtZeroMu(4, 24, 20, 2, 5, null);
        var task = ModeComparison.Task.phi2(data, 16, 8, PointGroup.d4(), List.of(1), List.of(1));
        var c = new ModeComparison.Config(ModeComparison.Config.adamModes(0.01), Support.FULL, 2, 8, List.of(1L, 2L), 7, true);
        var r = ModeComparison.run(task, c, null);
        assertEquals(8, r.runs().size());
        assertEquals(List.of("NOMINAL/Adam", "AUGMENTED/random/Adam", "EQUIVARIANT/Adam", ModeComparison.Config.REFERENCE), r.labels());
        for (var run : r.runs()) {
            if (run.label().equals(ModeComparison.Config.REFERENCE)) {
                assertTrue(run.distance()[0] > 1e-2, "the reference starts off H_G: " + run.distance()[0]);
            } else {
                assertTrue(run.distance()[0] < 1e-13, run.label() + " starts on H_G: " + run.distance()[0]);
            }
        }
        // the reference and the NOMINAL run of a seed differ only in the start, so their losses differ
        assertNotEquals(r.runs("NOMINAL/Adam").get(0).testLoss()[2], r.runs(ModeComparison.Config.REFERENCE).get(0).testLoss()[2]);
        var s = r.summary(ModeComparison.Config.REFERENCE);
        var runs = r.runs(ModeComparison.Config.REFERENCE);
        assertEquals((runs.get(0).last(runs.get(0).testLoss()) + runs.get(1).last(runs.get(1).testLoss())) / 2, s.testLoss(), 1e-12);
        assertEquals(Math.max(runs.get(0).last(runs.get(0).distance()), runs.get(1).last(runs.get(1).distance())), s.distance(), 0.0);
        assertEquals(4, s.steps());
        assertThrows(IllegalArgumentException.class, () -> r.summary("no such variant"));
    }

    @Test
    void configRejectsBadValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ModeComparison.Config(ModeComparison.Config.adamModes(0.01), Support.FULL, 0, 8, List.of(1L), 1));
        assertTrue(e.getMessage().contains("epochs = 0"));
        assertThrows(IllegalArgumentException.class, () -> new ModeComparison.Config(List.of(), Support.FULL, 1, 8, List.of(1L), 1));
    }
}
