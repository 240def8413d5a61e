package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.symmetry.PointGroup;
import latticeq.train.TrainingMode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class StabilityExperimentTest {

    /** A tiny C4 network at a point of E cap H_G, its probe and the orbit-augmented data (for second differences). */
    private record Tiny(RegressionData data, NetworkSubspaces spaces, org.deeplearning4j.nn.multilayer.MultiLayerNetwork net,
                        GradientProbe probe, latticeq.augment.Batch orbit) {
        static Tiny build() {
            LatticeSetup setup = new LatticeSetup(4, 6, PointGroup.c4(), List.of(1), List.of(), 20, 2, 11);
            RegressionData data = setup.data(null);
            SymmetricArchitecture a = setup.architecture();
            NetworkSubspaces sp = a.subspaces(Support.FULL);
            var lg = setup.latticeGroup(data.lattice());
            var net = a.build(4);
            sp.projectOntoIntersection(net, true);
            GradientProbe probe = new GradientProbe(sp, lg, latticeq.symmetry.TargetAction.invariant(1));
            var orbit = latticeq.augment.Augmenter.orbit(lg, a.input(), latticeq.symmetry.TargetAction.invariant(1), data.features(), data.labels());
            return new Tiny(data, sp, net, probe, orbit);
        }

        /** Lanczos ends of the augmented Hessian on E cap H_G or orthogonal to it, seed 5. */
        HessianSpectrum.Curvature curvature(boolean orthogonal, int steps) {
            return HessianSpectrum.curvature(net, probe, spaces, data.features(), data.labels(), orthogonal, steps, 5);
        }

        /** Second difference of the orbit-averaged loss along the unit direction dir (a Rayleigh quotient of its Hessian). */
        double curvatureAlong(INDArray dir) {
            INDArray base = net.params().dup();
            double h = 1e-4;
            double r0 = GradientProbe.loss(net, orbit.features(), orbit.labels());
            net.setParams(base.add(dir.mul(h)));
            double rp = GradientProbe.loss(net, orbit.features(), orbit.labels());
            net.setParams(base.sub(dir.mul(h)));
            double rm = GradientProbe.loss(net, orbit.features(), orbit.labels());
            net.setParams(base);
            return (rp - 2 * r0 + rm) / (h * h);
        }
    }

    @Test
    void augmentedAndEquivariantGradientsAgreeOnTheSubspaceAndEquivariantKeepsThePerturbation() {
        LatticeSetup setup = new LatticeSetup(4, 6, PointGroup.c4(), List.of(1), List.of(), 20, 2, 11);
        var c = new StabilityExperiment.Config(setup, Support.FULL, 80, 0.2, 20, 0.1, 1e-3, 10, List.of(1L), 6);
        var r = StabilityExperiment.run(c, null);
        for (var run : r.runs()) {
            System.out.printf("seed %d: |g_EQ| %.2e -> %.2e, |g_AUG| %.2e, |g_EQ - g_AUG| %.1e, AUG gradient off H_G %.1e, growth %s, curvature par %s orth %s%n",
                    run.seed(), run.gradientStart(), run.gradientAtOptimum(), run.augmentedGradient(), run.gradientDifference(),
                    run.augmentedGradientOffH(), run.growth(), java.util.Arrays.toString(run.parallelCurvature()),
                    java.util.Arrays.toString(run.orthogonalCurvature()));
            assertTrue(run.orthogonalCurvature()[0] <= run.orthogonalCurvature()[1]);
            assertTrue(run.gradientAtOptimum() < run.gradientStart(), "the equivariant phase lowers the gradient");
            assertTrue(run.gradientDifference() < 1e-12 * Math.max(1, run.gradientStart()),
                    "compatible E: the augmented and equivariant gradients coincide on E cap H_G: " + run.gradientDifference());
            assertTrue(run.augmentedGradientOffH() < 1e-12, "the augmented gradient at an equivariant point lies in H_G");
            assertTrue(run.equivariantPhase().max() < 1e-13);
            Trajectory eq = run.continued().get(TrainingMode.EQUIVARIANT);
            assertTrue(run.growth().get(TrainingMode.EQUIVARIANT) < 1e-12, "the equivariant trainer projects the perturbation away");
            assertTrue(eq.start() > 1e-4 && eq.start() < 1e-2, "perturbation of relative size ~1e-3: " + eq.start());
            assertTrue(Double.isFinite(run.growth().get(TrainingMode.AUGMENTED)));
        }
    }

    @Test
    void hessianExtremesBoundTheCurvatureAlongRandomDirections() {
        // independent check: second differences of the orbit-averaged loss along random directions of the
        // subspace are Rayleigh quotients, so they must lie between the Lanczos extremes
        Tiny t = Tiny.build();
        NetworkSubspaces sp = t.spaces();
        var net = t.net();
        for (boolean orthogonal : new boolean[] {false, true}) {
            double[] ext = t.curvature(orthogonal, 30).extremes();
            for (long seed = 20; seed < 23; seed++) {
                var dir = StabilityExperiment.perturbation(net, sp, seed);   // in E, orthogonal to E cap H_G
                if (!orthogonal) {
                    var tmp = net.clone();
                    tmp.setParams(dir.add(net.params()));
                    sp.projectOntoIntersection(tmp, false);
                    dir = tmp.params().sub(net.params());            // now in E cap H_G
                }
                dir.divi(dir.norm2Number());
                double q = t.curvatureAlong(dir);
                double tol = 1e-3 * Math.max(1, Math.abs(ext[1]));
                assertTrue(q >= ext[0] - tol && q <= ext[1] + tol, (orthogonal ? "orthogonal" : "parallel") + ": Rayleigh quotient " + q
                        + " outside [" + ext[0] + ", " + ext[1] + "]");
            }
        }
    }

    @Test
    void lowestCurvatureDirectionIsAnEigenvectorOrthogonalToTheEquivariantLayers() {
        // independent check of the Lanczos eigenpair: the second difference of the orbit-averaged loss
        // along the returned direction equals the returned minimum
        Tiny t = Tiny.build();
        NetworkSubspaces sp = t.spaces();
        var net = t.net();
        HessianSpectrum.Curvature c = t.curvature(true, 40);
        assertTrue(c.min() <= c.max());
        INDArray dir = StabilityExperiment.flatDirection(net, c.lowestDirection());
        assertEquals(1.0, dir.norm2Number().doubleValue(), 1e-9, "unit direction");
        var tmp = net.clone();
        tmp.setParams(net.params().add(dir));
        sp.projectOntoIntersection(tmp, false);
        assertTrue(tmp.params().sub(net.params()).norm2Number().doubleValue() < 1e-9, "the direction is orthogonal to E cap H_G");
        double q = t.curvatureAlong(dir);
        assertEquals(c.min(), q, 1e-3 * Math.max(1, Math.abs(c.max())) + 10 * c.minResidual(), "curvature along the eigenvector");
    }

    @Test
    void perturbationIsInEAndOrthogonalToTheSubspace() {
        SymmetricArchitecture a = SymmetricArchitecture.linkRegression(PointGroup.d4(), List.of(1), List.of(1));
        for (Support s : List.of(Support.FULL, Support.TOP_ROWS)) {
            NetworkSubspaces sp = a.subspaces(s);
            var net = a.build(3);
            var eps = StabilityExperiment.perturbation(net, sp, 9);
            var copy = net.clone();
            copy.setParams(eps.dup());
            sp.projectOntoAdmissible(copy, false);
            assertEquals(0, copy.params().sub(eps).amaxNumber().doubleValue(), 1e-12, "in E");
            copy.setParams(eps.dup());
            sp.projectOntoIntersection(copy, false);
            assertEquals(0, copy.params().amaxNumber().doubleValue(), 1e-12, "orthogonal to E cap H_G");
            assertTrue(eps.norm2Number().doubleValue() > 1);
        }
    }

    @Test
    void configRejectsBadValues() {
        LatticeSetup setup = new LatticeSetup(4, 6, PointGroup.c4(), List.of(1), List.of(), 20, 2, 11);
        var e = assertThrows(IllegalArgumentException.class, () -> new StabilityExperiment.Config(setup, Support.FULL, 10, 0.1, 10, 0.1, 0, 1, List.of(1L), 0));
        assertTrue(e.getMessage().contains("perturbation = 0.0"));
        assertEquals("decays", StabilityExperiment.verdict(0.1));
        assertEquals("grows", StabilityExperiment.verdict(3));
    }

    /** Refinement turns the end of the SGD phase into a minimum on E cap H_G: smaller gradient, no resolved negative curvature there. */
    @Test
    void refinementReachesAMinimumOfTheEquivariantLoss() {
        LatticeSetup setup = new LatticeSetup(4, 6, PointGroup.c4(), List.of(1), List.of(), 20, 2, 11);
        var plain = new StabilityExperiment.Config(setup, Support.FULL, 30, 0.2, 5, 0.1, 1e-3, 5, List.of(1L), 8,
                StabilityExperiment.Direction.LOWEST_CURVATURE);
        var refined = new StabilityExperiment.Config(setup, Support.FULL, 30, 0.2, 5, 0.1, 1e-3, 5, List.of(1L), 8,
                StabilityExperiment.Direction.LOWEST_CURVATURE, 300, 4);
        var a = StabilityExperiment.run(plain, null).runs().get(0);
        var b = StabilityExperiment.run(refined, null).runs().get(0);
        System.out.printf("gradient %.2e -> %.2e, parallel min %.3g -> %.3g%n", a.gradientAtOptimum(), b.gradientAtOptimum(),
                a.parallelCurvature()[0], b.parallelCurvature()[0]);
        assertTrue(b.gradientAtOptimum() < 0.1 * a.gradientAtOptimum(), "refinement lowers the equivariant gradient");
        assertTrue(b.parallelCurvature()[0] >= -1e-6 * Math.max(1, b.parallelCurvature()[1]), "a minimum on E cap H_G: " + b.parallelCurvature()[0]);
        assertTrue(b.gradientDifference() < 1e-12 * Math.max(1, b.gradientStart()));
        assertThrows(IllegalArgumentException.class, () -> new StabilityExperiment.Config(setup, Support.FULL, 30, 0.2, 5, 0.1, 1e-3, 5,
                List.of(1L), 0, StabilityExperiment.Direction.RANDOM, 10, 1));
    }
}
