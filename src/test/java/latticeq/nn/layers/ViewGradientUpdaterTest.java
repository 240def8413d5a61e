package latticeq.nn.layers;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.LatticeModel;
import latticeq.nn.NetworkBuilder;
import latticeq.nn.TrainingBenchmark;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/** {@link ViewGradientUpdater} against DL4J's stock updater: the same parameters, bit for bit, after several steps. */
class ViewGradientUpdaterTest {

    /** The values, exactly (none for an updater without state, such as SGD). */
    private static double[] bits(org.nd4j.linalg.api.ndarray.INDArray a) {
        return a == null ? new double[0] : a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Test
    void builtNetworksUseIt() {
        MultiLayerNetwork net = NetworkBuilder.build(ArchitectureSpec.eq(List.of(3), List.of(3), List.of(4), 2), 1);
        assertInstanceOf(ViewGradientUpdater.class, net.getUpdater());
    }

    @Test
    void aLoadedModelKeepsItsUpdaterStateAndTrainsOnAsTheOriginal(@TempDir Path dir) throws Exception {
        ArchitectureSpec spec = ArchitectureSpec.eq(List.of(4), List.of(3), List.of(5), 2);
        List<DataSet> batches = TrainingBenchmark.batches(3, 6, 6, 4, 4);
        LatticeModel original = new LatticeModel(spec, NetworkBuilder.build(spec, 9, new AMSGrad(1e-2), 1e-3, DataType.FLOAT),
                java.util.Map.of("test", "updater"));
        for (DataSet b : batches) original.network().fit(b);
        original.save(dir.resolve("m.zip"));
        MultiLayerNetwork loaded = LatticeModel.load(dir.resolve("m.zip")).network();
        assertInstanceOf(ViewGradientUpdater.class, loaded.getUpdater());
        assertArrayEquals(bits(original.network().getUpdater().getStateViewArray()), bits(loaded.getUpdater().getStateViewArray()));
        for (DataSet b : batches) {
            original.network().fit(b);
            loaded.fit(b);
        }
        assertArrayEquals(bits(original.network().params()), bits(loaded.params()));
    }

    @Test
    void sameParametersAsTheStockUpdater() {
        ArchitectureSpec spec = ArchitectureSpec.eq(List.of(5, 4), List.of(3, 2), List.of(6), 2);
        List<DataSet> batches = TrainingBenchmark.batches(4, 7, 6, 4, 3);
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (IUpdater u : new IUpdater[] {new AMSGrad(1e-2), new Sgd(0.1)}) {
                for (double weightDecay : new double[] {0.0, 1e-2}) {
                    MultiLayerNetwork ours = NetworkBuilder.build(spec, 5, u.clone(), weightDecay, dt);
                    MultiLayerNetwork stock = NetworkBuilder.build(spec, 5, u.clone(), weightDecay, dt);
                    stock.setUpdater(new MultiLayerUpdater(stock, stock.getUpdater().getStateViewArray()));
                    assertArrayEquals(bits(stock.params()), bits(ours.params()));
                    for (int step = 0; step < 6; step++) {
                        DataSet b = batches.get(step % batches.size());
                        DataSet cast = new DataSet(b.getFeatures().castTo(dt), b.getLabels().castTo(dt));
                        ours.fit(cast);
                        stock.fit(cast);
                    }
                    String what = dt + " " + u.getClass().getSimpleName() + " weight decay " + weightDecay;
                    assertNotEquals(NetworkBuilder.build(spec, 5, u.clone(), weightDecay, dt).params(), ours.params(), what + ": trained");
                    assertArrayEquals(bits(stock.params()), bits(ours.params()), what);
                    assertArrayEquals(bits(stock.getUpdater().getStateViewArray()), bits(ours.getUpdater().getStateViewArray()),
                            what + ": updater state");
                }
            }
        }
    }
}
