package latticeq.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Prints the figures quoted in the report (commutator table, projection errors, homomorphism errors). */
class SymmetryFiguresTest {

    @Test
    void printFigures() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2024);
        StringBuilder sb = new StringBuilder("\nsupport      group  shape      dim(E) dim(H) dim(EcapH)  ||[PE,PG]||_F  ||[PE,PG]||_2\n");
        for (KernelShape s : List.of(new KernelShape(1, 1, 3, 3), new KernelShape(2, 3, 3, 3))) {
            for (PointGroup g : List.of(PointGroup.c4(), PointGroup.d4(), PointGroup.d2())) {
                KernelGroupAverage pg = Projections.groupAverage(g, s, FieldType.scalar(s.cIn()), FieldType.scalar(s.cOut()));
                for (SupportMask m : List.of(SupportMask.full(s), SupportMask.plus(s), SupportMask.topRows(s), SupportMask.lShape(s))) {
                    double f = Projections.commutatorNorm(m, pg), sp = Projections.commutatorSpectralNorm(m, pg, 300, 1);
                    sb.append(String.format("%-12s %-5s  %-9s  %5d  %5d  %5d       %.3e      %.3e%n", m.name(), g.name(),
                            s.cOut() + "x" + s.cIn() + "x3x3", m.dimension(), Projections.intersection(pg, null).dimension(),
                            Projections.intersection(pg, m).dimension(), f, sp));
                    assertTrue(sp <= f + 1e-12 && sp <= 0.5 + 1e-12);
                }
            }
        }
        // projection errors
        double idem = 0, adj = 0;
        KernelShape s = new KernelShape(8, 8, 3, 3);
        PointGroup d4c = PointGroup.generatedBy("D4xC", PointElement.ROT90, PointElement.R_X, PointElement.C);
        List<KernelProjection> ps = List.of(Projections.groupAverage(d4c, s, FieldType.liftedLink(), FieldType.liftedLink()),
                Projections.groupAverage(PointGroup.d4(), s, FieldType.liftedLink(), FieldType.regular(PointGroup.d4(), 1)),
                Projections.intersection(Projections.groupAverage(PointGroup.c4(), s, FieldType.scalar(8), FieldType.scalar(8)), SupportMask.lShape(s)),
                Projections.intersection(Projections.groupAverage(PointGroup.c4(), s, FieldType.scalar(8), FieldType.scalar(8)), SupportMask.topRows(s)));
        for (KernelProjection p : ps) {
            for (int t = 0; t < 20; t++) {
                double[] a = Fields.gaussian(rng, s.size()), b = Fields.gaussian(rng, s.size());
                double[] pa = p.apply(a);
                idem = Math.max(idem, Fields.maxAbsDiff(pa, p.apply(pa)));
                adj = Math.max(adj, Math.abs(Kernels.dot(pa, b) - Kernels.dot(a, p.apply(b))));
            }
        }
        sb.append(String.format("idempotence max|P P a - P a| = %.2e, self-adjointness max|<Pa,b> - <a,Pb>| = %.2e (8x8x3x3, entries U(-1,1))%n", idem, adj));
        Lattice lat = new Lattice(5, 5);
        double hom = FieldActionTest.homomorphismError(FieldType.liftedLink(), FieldActionTest.mixedElements(lat, d4c, rng), rng);
        hom = Math.max(hom, FieldActionTest.homomorphismError(FieldType.rawLink(), FieldActionTest.mixedElements(lat, d4c, rng), rng));
        sb.append(String.format("homomorphism max|g(h x) - (gh) x| over D4xC (+shifts) on 5x5, raw+lifted links = %.1e%n", hom));
        System.out.println(sb);
        assertTrue(idem < 1e-12 && adj < 1e-12 && hom == 0);
    }
}
