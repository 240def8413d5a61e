package latticeq.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import latticeq.augment.Augmenter;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.KernelShape;
import latticeq.symmetry.PointGroup;
import latticeq.symmetry.Projections;
import latticeq.symmetry.SupportMask;
import latticeq.symmetry.TargetAction;
import latticeq.train.ParamProjection;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The authors' network and experiment: invariance on E, gradients, the three arms. */
class EquivariantThenAugmentedTest {

    private static INDArray random(long seed, long... shape) {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 1;
        for (long s : shape) n *= (int) s;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.nextDouble() - 1;
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    private static MultiLayerNetwork onE(PoolingConvNet arch, boolean[][] support, long seed) {
        MultiLayerNetwork net = arch.build(seed, 1e-2, DataType.DOUBLE);
        for (ParamProjection p : arch.spaces(support).equivariant()) p.applyInPlace(p.view(net));
        return net;
    }

    /** On E the network is invariant under C4 about the image centre (zero padding, pooling, layer norm, linear layer). */
    @Test
    void networkOnEIsInvariantUnderRandomRotations() {
        for (FieldType in : List.of(FieldType.scalar(1), FieldType.liftedLink())) {
            PoolingConvNet arch = new PoolingConvNet(in, 12, PointGroup.c4(), List.of(3, 4, 4), 3);
            MultiLayerNetwork net = onE(arch, EquivariantThenAugmented.CROSS, 5);
            INDArray x = random(9, 6, in.channels(), 12, 12);
            var orbit = Augmenter.orbit(arch.inputGroup(), in, TargetAction.invariant(1), x, Nd4j.zeros(DataType.DOUBLE, 6, 1));
            INDArray out = net.output(orbit.features());
            double scale = out.norm2Number().doubleValue();
            for (int i = 0; i < 6; i++) {
                for (int j = 1; j < 4; j++) {
                    double d = out.getRow(4L * i + j).sub(out.getRow(4L * i)).norm2Number().doubleValue();
                    assertTrue(d < 1e-12 * Math.max(1, scale), in + ": output of sample " + i + " under element " + j + " differs by " + d + " (output norm " + scale + ")");
                }
            }
            // off E (a random network) the outputs differ: the check can fail
            MultiLayerNetwork free = arch.build(5, 1e-2, DataType.DOUBLE);
            INDArray o2 = free.output(orbit.features());
            assertTrue(o2.getRow(1).sub(o2.getRow(0)).norm2Number().doubleValue() > 1e-6, in + ": a network off E is invariant too");
        }
    }

    /** The network's gradient (layer norm included) against central differences. */
    @Test
    void gradientMatchesFiniteDifferences() {
        PoolingConvNet arch = new PoolingConvNet(FieldType.scalar(1), 12, PointGroup.c4(), List.of(2, 3, 3), 2);
        MultiLayerNetwork net = arch.build(3, 1e-2, DataType.DOUBLE);
        DataSet d = new DataSet(random(4, 5, 1, 12, 12), random(6, 5, 2));
        net.setInput(d.getFeatures());
        net.setLabels(d.getLabels());
        net.computeGradientAndScore();
        INDArray g = net.gradient().gradient().dup();
        INDArray p = net.params();
        long n = p.length();
        for (long i = 0; i < n; i += Math.max(1, n / 40)) {
            double v = p.getDouble(i), h = 1e-6;
            p.putScalar(i, v + h);
            double up = net.score(d);
            p.putScalar(i, v - h);
            double down = net.score(d);
            p.putScalar(i, v);
            double fd = (up - down) / (2 * h);
            // DL4J's gradient is summed over the minibatch (its updater divides), the score is the mean
            assertEquals(fd, g.getDouble(i) / 5, 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + i);
        }
    }

    @Test
    void positionBasisIsPiLWhenOrthonormalAndSymmetricOtherwise() {
        KernelShape shape = new KernelShape(2, 3, 3, 3);
        SupportMask cross = SupportMask.ofPositions(shape, EquivariantThenAugmented.CROSS, "cross");
        double[] k = random(1, shape.size()).data().asDouble();
        assertArrayEquals(cross.apply(k), PositionBasis.orthonormal(shape, EquivariantThenAugmented.CROSS).apply(k), 0);
        PositionBasis b = PositionBasis.normalizedGaussian(shape, EquivariantThenAugmented.CROSS, 11);
        double[][] gram = b.gram();
        double trace = 0;
        for (int u = 0; u < 9; u++) {
            trace += gram[u][u];
            for (int v = 0; v < 9; v++) {
                assertEquals(gram[u][v], gram[v][u], 1e-15);
                if (!EquivariantThenAugmented.CROSS[u / 3][u % 3]) assertEquals(0, gram[u][v]);
            }
        }
        assertEquals(5, trace, 1e-12, "five unit-norm basis kernels");
        double[] x = b.apply(k);
        assertArrayEquals(x, cross.apply(x), 0, "B B^T maps into L");
        assertTrue(Projections.commutatorNorm(b, Projections.groupAverage(PointGroup.c4(), shape, FieldType.scalar(3), FieldType.scalar(2))) > 1e-3,
                "a random basis does not commute with Pi_G");
        assertThrows(IllegalArgumentException.class, () -> PositionBasis.orthonormal(shape, new boolean[3][3]));
    }

    private static EquivariantThenAugmented.Task syntheticTask() {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 16, 3), ty = Nd4j.zeros(DataType.DOUBLE, 8, 3);
        for (int i = 0; i < 16; i++) y.putScalar(i, i % 3, 1);
        for (int i = 0; i < 8; i++) ty.putScalar(i, i % 3, 1);
        return new EquivariantThenAugmented.Task("synthetic", FieldType.scalar(1), true, random(2, 16, 1, 12, 12), y, random(3, 8, 1, 12, 12), ty);
    }

    /**
     * Minibatches of whole orbits follow the orbit-averaged flow: the cross arm stays on E to
     * rounding (second theorem), the skew and non-unitary arms leave it; results do not depend on
     * the number of workers.
     */
    @Test
    void crossStaysOnEWithOrbitMinibatchesSkewAndNonUnitaryLeave() throws Exception {
        var c = new EquivariantThenAugmented.Config(List.of(2, 3, 3), 1, 2, 0.05, 0.05, 8, 2, 17, DataType.DOUBLE, true);
        var r = EquivariantThenAugmented.run(syntheticTask(), c, 1, null);
        assertEquals(6, r.runs().size());
        for (var run : r.runs(EquivariantThenAugmented.Arm.CROSS)) {
            assertTrue(run.maxDistance() < 1e-13 * run.parameterNorm(), "cross left E: " + run.maxDistance());
            assertEquals(16, run.distance().length, "16 samples x 4 images / batch 8, two epochs");
        }
        for (var arm : List.of(EquivariantThenAugmented.Arm.SKEW, EquivariantThenAugmented.Arm.NON_UNITARY)) {
            for (var run : r.runs(arm)) assertTrue(run.maxDistance() > 1e-6, arm + " stayed on E: " + run.maxDistance());
        }
        // the cross and non-unitary arms share the equivariant phase
        assertArrayEquals(r.runs(EquivariantThenAugmented.Arm.CROSS).get(0).equivariantLoss(),
                r.runs(EquivariantThenAugmented.Arm.NON_UNITARY).get(0).equivariantLoss(), 0);
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            var r2 = EquivariantThenAugmented.run(syntheticTask(), c, 2, null);
            for (int i = 0; i < r.runs().size(); i++) assertArrayEquals(r.runs().get(i).distance(), r2.runs().get(i).distance(), 0, "workers change the bits");
        }
        // with the authors' shuffled orbit data set, single minibatches are not symmetric: cross moves off E too
        var shuffled = EquivariantThenAugmented.run(syntheticTask(), c.withOrbitBatches(false), 1, null);
        assertTrue(shuffled.runs(EquivariantThenAugmented.Arm.CROSS).get(0).maxDistance() > 1e-8);
        double[] e = shuffled.runs().get(0).epochDistance();
        assertEquals(3, e.length);
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PoolingConvNet(FieldType.scalar(1), 8, PointGroup.c4(), List.of(2, 3, 3), 2));
        assertThrows(IllegalArgumentException.class,
                () -> new EquivariantThenAugmented.Config(List.of(2), 1, 1, 0.1, 0.1, 10, 1, 1, DataType.FLOAT, true));
        assertThrows(IllegalArgumentException.class,
                () -> new EquivariantThenAugmented.Config(List.of(2), 1, 0, 0.1, 0.1, 8, 1, 1, DataType.FLOAT, false));
    }
}
