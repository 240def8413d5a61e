package latticeq.dynamics;

import java.util.List;
import latticeq.symmetry.*;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class TimingProbe {
    @Test
    void probe() {
        long t0 = System.nanoTime();
        LatticeSetup setup = new LatticeSetup(4, 6, PointGroup.c4(), List.of(1), List.of(), 20, 2, 11);
        var data = setup.data(null);
        long t1 = System.nanoTime();
        var arch = setup.architecture();
        var sp = arch.subspaces(Support.FULL);
        long t2 = System.nanoTime();
        var net = arch.build(1);
        sp.projectOntoIntersection(net, true);
        var pd = new ProjectedDescent(net, sp, setup.latticeGroup(data.lattice()), TargetAction.invariant(1), Variant.sgd(Mode.AUGMENTED, 0.1).settings(1));
        for (int i = 0; i < 20; i++) pd.step(data.features(), data.labels());
        long t3 = System.nanoTime();
        for (int i = 0; i < 100; i++) pd.step(data.features(), data.labels());
        long t4 = System.nanoTime();
        for (int i = 0; i < 100; i++) sp.distanceToEquivariant(net);
        long t5 = System.nanoTime();
        var raw = new java.util.LinkedHashMap<String, org.nd4j.linalg.api.ndarray.INDArray>();
        for (int i = 0; i < 100; i++) pd.projectedGradient(data.features(), data.labels(), Mode.NOMINAL, false);
        long t6 = System.nanoTime();
        long t7 = System.nanoTime();
        for (int i = 0; i < 100; i++) { net.setInput(data.features()); net.setLabels(data.labels()); net.computeGradientAndScore(); }
        long t8 = System.nanoTime();
        var g = net.gradient().gradientForVariable();
        for (int i = 0; i < 100; i++) sp.projectGradient(g, Mode.NOMINAL);
        long t9 = System.nanoTime();
        for (int i = 0; i < 100; i++) net.output(data.features());
        long t10 = System.nanoTime();
        System.out.printf("100 raw DL4J gradients %.3f s, 100 gradient projections %.3f s, 100 outputs %.3f s, load %s%n", (t8 - t7) / 1e9, (t9 - t8) / 1e9, (t10 - t9) / 1e9,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("data %.2f s, subspaces %.2f s, warm 20 steps %.2f s, 100 AUG steps %.3f s, 100 distances %.3f s, 100 nominal grads %.3f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9, (t6 - t5) / 1e9);
    }
}
