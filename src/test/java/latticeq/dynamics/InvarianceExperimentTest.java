package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.symmetry.PointGroup;
import latticeq.train.Optimizer;
import latticeq.train.TrainingMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The invariance claim on a tiny float64 network trained on sampled phi^4 configurations. */
class InvarianceExperimentTest {

    static InvarianceExperiment.Result tiny(PointGroup g) {
        LatticeSetup setup = new LatticeSetup(4, 6, g, List.of(1), List.of(), 20, 2, 11);
        var c = new InvarianceExperiment.Config(setup, List.of(Support.FULL, Support.TOP_ROWS),
                InvarianceExperiment.Config.standardVariants(0.05, 0.01), 25, 5, List.of(1L));
        return InvarianceExperiment.run(c, null);
    }

    @Test
    void augmentedStaysOnTheSubspaceExactlyWhenCompatibleC4() {
        check(PointGroup.c4());
    }

    @Test
    @Tag("slow")
    void augmentedStaysOnTheSubspaceExactlyWhenCompatibleD4() {
        check(PointGroup.d4());
    }

    static void check(PointGroup... groups) {
        for (PointGroup g : groups) {
            var r = tiny(g);
            Trajectory aug = r.runs(Support.FULL, "AUGMENTED/orbit/SGD").get(0);
            Trajectory nom = r.runs(Support.FULL, "NOMINAL/SGD").get(0);
            Trajectory eq = r.runs(Support.FULL, "EQUIVARIANT/SGD").get(0);
            Trajectory augIncompatible = r.runs(Support.TOP_ROWS, "AUGMENTED/orbit/SGD").get(0);
            Trajectory random = r.runs(Support.FULL, "AUGMENTED/random/SGD").get(0);
            Trajectory adam = r.runs(Support.FULL, "AUGMENTED/orbit/Adam").get(0);
            System.out.printf("%s tiny net, 25 steps, max rel. distance to H_G: AUG %.1e EQ %.1e NOM %.1e AUG(2x3) %.1e random %.1e Adam %.1e%n",
                    g.name(), aug.max(), eq.max(), nom.max(), augIncompatible.max(), random.max(), adam.max());
            assertTrue(aug.start() < 1e-15 && nom.start() < 1e-15, "the runs start on E cap H_G");
            assertTrue(aug.loss()[aug.loss().length - 1] < aug.loss()[0], "augmented training lowers the loss");
            assertTrue(aug.max() < 1e-12, g.name() + " augmented, compatible: " + aug.max());
            assertTrue(eq.max() < 1e-12, g.name() + " equivariant: " + eq.max());
            assertTrue(nom.max() > 1e-4, g.name() + " nominal leaves H_G: " + nom.max());
            assertTrue(augIncompatible.max() > 1e-4, g.name() + " augmented, incompatible 2x3: " + augIncompatible.max());
            assertTrue(random.max() > 1e-6, g.name() + " random-element augmentation leaves H_G: " + random.max());
            assertFalse(r.commutators().get(Support.FULL).isEmpty());
            assertTrue(r.commutators().get(Support.FULL).stream().allMatch(lc -> lc.compatible()));
            assertTrue(r.commutators().get(Support.TOP_ROWS).stream().noneMatch(lc -> lc.compatible()));
        }
    }

    @Test
    void configRejectsBadValues() {
        LatticeSetup setup = new LatticeSetup(4, 6, PointGroup.c4(), List.of(1), List.of(), 20, 2, 11);
        var ex = assertThrows(IllegalArgumentException.class, () -> new InvarianceExperiment.Config(setup, List.of(Support.FULL),
                InvarianceExperiment.Config.standardVariants(0.05, 0.01), 0, 1, List.of(1L)));
        assertTrue(ex.getMessage().contains("steps = 0"));
        assertThrows(IllegalArgumentException.class, () -> new LatticeSetup(4, 6, PointGroup.d2(), List.of(1), List.of(), 20, 2, 11));
        assertThrows(IllegalArgumentException.class, () -> new Variant(TrainingMode.AUGMENTED, Augmentation.NONE, Optimizer.SGD, 0.1));
        var bad = assertThrows(IllegalArgumentException.class, () -> new Variant(TrainingMode.NOMINAL, Augmentation.NONE, Optimizer.SGD, -1));
        assertTrue(bad.getMessage().contains("learningRate = -1.0"));
    }
}
