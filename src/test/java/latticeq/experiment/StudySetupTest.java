package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import latticeq.data.DatasetSpec;
import latticeq.lattice.Lattice;
import org.junit.jupiter.api.Test;

class StudySetupTest {

    @Test
    void defaultGridIsOursAndDisjoint() {
        MuGrid g = MuGrid.defaults();
        assertEquals(List.of(0.9, 0.92, 0.94, 0.96, 0.98, 1.0, 1.02, 1.04), g.training());
        assertEquals(List.of(0.91, 0.93, 0.95, 0.97, 0.99, 1.01, 1.03), g.interpolation());
        assertEquals(List.of(0.85, 0.86, 0.87, 0.88, 1.05, 1.06, 1.07, 1.08, 1.09, 1.1), g.extrapolation());
        assertEquals(25, g.all().size());
        assertEquals(MuGrid.Role.INTERPOLATION, g.role(0.97));
        assertEquals("interpolation", g.role(0.97).toString());
        assertEquals(MuGrid.Role.EXTRAPOLATION, g.role(0.86));
        assertEquals(MuGrid.Role.TRAIN, g.role(1.0));
        assertThrows(IllegalArgumentException.class, () -> g.role(0.5));
    }

    @Test
    void gridRejectsOverlapAndMisplacedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MuGrid(List.of(0.9, 1.0), List.of(0.9), List.of()));
        assertTrue(e.getMessage().contains("0.9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MuGrid(List.of(0.9, 1.0), List.of(1.05), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MuGrid(List.of(0.9, 1.0), List.of(), List.of(0.95)));
        assertThrows(IllegalArgumentException.class, () -> MuGrid.steps(1, 0, 0.1));
    }

    @Test
    void planGivesEveryRoleItsOwnChains() {
        StudyPlan plan = new StudyPlan(MuGrid.defaults(), 2500, 500, 1000, 40, 7L);
        DatasetSpec train = plan.training();
        assertEquals(20000, train.size());
        assertEquals(new Lattice(60, 4), train.lattice());
        assertEquals(2000, plan.validation().size());
        assertEquals(500 * 17, plan.heldOut().size());
        assertEquals(4.01, train.eta());
        assertEquals(1.0, train.lambda());
        // no two datasets share a Markov chain (same lattice, mu and stream seed)
        Set<String> chains = new HashSet<>();
        for (DatasetSpec s : plan.all()) {
            for (double mu : s.mus()) {
                assertTrue(chains.add(s.nt() + "x" + s.nx() + ":" + s.streamSeed(mu)), "chain repeated in " + s);
            }
        }
        assertEquals(5, StudyPlan.TEST_LATTICES.size());
        assertEquals(8, plan.all().size());
        assertThrows(IllegalArgumentException.class, () -> new StudyPlan(MuGrid.defaults(), 5, 500, 0, 1, 1));
    }
}
