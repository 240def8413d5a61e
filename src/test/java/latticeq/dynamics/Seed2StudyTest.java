package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import latticeq.experiment.FakeBudget;
import latticeq.symmetry.PointGroup;
import org.junit.jupiter.api.Test;

class Seed2StudyTest {

    @Test
    void theGroupIsChosenByOrderAndAnUnknownOrderIsAnError() {
        assertEquals(PointGroup.c4(), Seed2Study.groupOfOrder("P11_GROUP_ORDER", 4));
        assertEquals(PointGroup.d4(), Seed2Study.groupOfOrder("P11_GROUP_ORDER", 8));
        var e = assertThrows(IllegalArgumentException.class, () -> Seed2Study.groupOfOrder("P11_GROUP_ORDER", 2));
        assertTrue(e.getMessage().contains("P11_GROUP_ORDER = 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Seed2Study.Stability.fromBudget(new FakeBudget(false, Map.of("P12_GROUP_ORDER", 6))));
    }

    @Test
    void theCiAndPaperPresetsAreTheNotebooksValues() {
        var ci = Seed2Study.Invariance.fromBudget(new FakeBudget(false, Map.of()));
        assertEquals(PointGroup.c4(), ci.group());
        assertEquals(List.of(100L), ci.config().seeds());
        assertEquals(6, ci.config().variants().size(), "five standard variants and the non-unitary arm");
        assertEquals(31L, ci.config().variants().get(5).basisSeed());
        var paper = Seed2Study.Invariance.fromBudget(new FakeBudget(true, Map.of()));
        assertEquals(PointGroup.d4(), paper.group());
        assertEquals(List.of(100L, 101L, 102L), paper.config().seeds());
        assertEquals(300, paper.config().steps());

        var stability = Seed2Study.Stability.fromBudget(new FakeBudget(true, Map.of())).config();
        assertEquals(List.of(200L, 201L, 202L), stability.seeds());
        assertEquals(StabilityExperiment.Direction.LOWEST_CURVATURE, stability.direction());
        assertEquals(StabilityExperiment.Direction.RANDOM,
                Seed2Study.Stability.fromBudget(new FakeBudget(false, Map.of("P12_DIRECTION", 0))).config().direction());
        assertThrows(IllegalArgumentException.class, () -> Seed2Study.Stability.fromBudget(new FakeBudget(false, Map.of("P12_DIRECTION", 2))));

        var authors = Seed2Study.Authors.fromBudget(new FakeBudget(true, Map.of("FIT_WORKERS", 2)));
        assertEquals(List.of(32, 64, 64), authors.config().channels());
        assertEquals(30, authors.config().runs());
        assertEquals(2, authors.workers());
        assertThrows(IllegalArgumentException.class, () -> Seed2Study.Authors.fromBudget(new FakeBudget(false, Map.of("P14_L", 14))));

        var projections = Seed2Study.Projections.fromBudget(new FakeBudget(false, Map.of()));
        assertEquals(new Seed2Study.Projections(6, 50, 20, 3.0, 1010L), projections);
    }
}
