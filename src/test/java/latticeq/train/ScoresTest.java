package latticeq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Head;
import latticeq.nn.LatticeModel;
import latticeq.nn.NetworkBuilder;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ScoresTest {

    @Test
    void regressionScoresMatchAHandComputation() {
        var p = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 5}, {0, 0}});
        var y = Nd4j.createFromArray(new double[][] {{0, 2}, {3, 1}, {2, 1}});
        Scores s = Scores.of(Head.REGRESSION, p, y);
        assertArrayEquals(new double[] {(1 + 0 + 4) / 3.0, (0 + 16 + 1) / 3.0}, s.targetMse(), 1e-12);
        assertEquals((5 / 3.0 + 17 / 3.0) / 2, s.loss(), 1e-12);
        assertTrue(Double.isNaN(s.accuracy()));
        assertThrows(IllegalArgumentException.class, () -> Scores.of(Head.REGRESSION, p, Nd4j.zeros(3, 3)));
    }

    @Test
    void classificationScoresCountArgMaxMatchesAndAverageTheCrossEntropy() {
        var prob = Nd4j.createFromArray(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}, {0.3, 0.6, 0.1}, {0.5, 0.4, 0.1}});
        var truth = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
        Scores s = Scores.of(Head.CLASSIFICATION, prob, truth);
        assertEquals(0.5, s.accuracy(), 1e-12);
        assertEquals(-(Math.log(0.7) + Math.log(0.8) + Math.log(0.3) + Math.log(0.4)) / 4, s.loss(), 1e-12);
        assertEquals(0, s.targetMse().length);
    }

    @Test
    void aModelsScoresGoThroughItsInputChecksAndItsBatches() {
        ArchitectureSpec spec = ArchitectureSpec.eq(List.of(3), List.of(3), List.of(), 2);
        LatticeModel model = new LatticeModel(spec, NetworkBuilder.build(spec, 4), Map.of());
        INDArray y = Nd4j.zeros(DataType.FLOAT, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scores.of(model, Nd4j.rand(DataType.FLOAT, 3, spec.inputChannels() + 1, 6, 4), y));
        assertTrue(e.getMessage().contains("input channels"), e.getMessage());
        // more samples than one forward pass: the same predictions as sample by sample
        INDArray x = Nd4j.rand(DataType.FLOAT, 1203, spec.inputChannels(), 4, 2);
        INDArray all = model.predict(x);
        assertEquals(1203, all.size(0));
        for (int i : new int[] {0, 499, 500, 1202}) {
            INDArray one = model.predict(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)));
            assertArrayEquals(one.toFloatVector(), all.getRow(i).toFloatVector(), 1e-6f);
        }
    }
}
