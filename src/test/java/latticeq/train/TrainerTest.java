package latticeq.train;

import latticeq.experiment.PaperProtocol;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import latticeq.augment.Augmenter;
import latticeq.lattice.Lattice;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Head;
import latticeq.nn.LatticeModel;
import latticeq.symmetry.FieldType;
import latticeq.symmetry.KernelShape;
import latticeq.symmetry.LatticeGroups;
import latticeq.symmetry.PointGroup;
import latticeq.symmetry.Projections;
import latticeq.symmetry.TargetAction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    /** Random link-like fields and a translation-invariant target (mean of channel 0 and of squares). */
    static DataSet data(int n, int c, int nt, int nx, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[n * c * nt * nx];
        double[] y = new double[n * 2];
        int per = c * nt * nx;
        for (int s = 0; s < n; s++) {
            double m = 0, q = 0;
            for (int i = 0; i < per; i++) {
                double v = rng.nextInt(5) - 2;
                x[s * per + i] = v;
                if (i < nt * nx) m += v;
                q += v * v;
            }
            y[2 * s] = m / (nt * nx);
            y[2 * s + 1] = q / per;
        }
        return new DataSet(Nd4j.create(x, new long[] {n, c, nt, nx}, 'c'), Nd4j.create(y, new long[] {n, 2}, 'c'));
    }

    static final ArchitectureSpec SPEC = ArchitectureSpec.eq(List.of(5), List.of(3), List.of(6), 2);

    static TrainingConfig config(Optimizer o, double lr, int epochs, DataType dt) {
        return new TrainingConfig(o, lr, 16, 0.0, epochs, 50, 7, dt);
    }

    @Test
    void sameSeedSameWeightsAndLosses() {
        DataSet train = data(64, 4, 6, 4, 1), val = data(32, 4, 6, 4, 2);
        TrainingConfig cfg = config(Optimizer.ADAMW_AMSGRAD, 1e-2, 3, DataType.FLOAT);
        List<String> messages = new ArrayList<>();
        TrainingResult a = new Trainer(SPEC, cfg).progress((done, total, msg) -> messages.add(done + "/" + total + " " + msg)).fit(train, val);
        assertEquals(3, messages.size());
        assertTrue(messages.get(2).startsWith("3/3 epoch 3 loss"), messages.toString());
        TrainingResult b = new Trainer(SPEC, cfg).fit(train, val);
        assertEquals(a.model().network().params(), b.model().network().params());
        assertArrayEquals(a.history().trainLoss(), b.history().trainLoss());
        assertArrayEquals(a.history().validationLoss(), b.history().validationLoss());
        TrainingResult c = new Trainer(SPEC, cfg.withSeed(8)).fit(train, val);
        assertNotEquals(a.model().network().params(), c.model().network().params());
        // it learns: validation loss goes down from the first epoch
        assertTrue(a.history().last().validationLoss() < a.history().epochs().get(0).validationLoss() * 1.5);
        assertEquals(2, a.history().last().targetMse().length);
        double mean = (a.history().last().targetMse()[0] + a.history().last().targetMse()[1]) / 2;
        assertEquals(a.history().last().validationLoss(), mean, 1e-12);
    }

    @Test
    void earlyStoppingRestoresBestParameters() {
        DataSet train = data(48, 4, 6, 4, 3), val = data(16, 4, 6, 4, 4);
        // a huge learning rate makes the validation loss jump around: patience 2 stops early
        TrainingConfig cfg = new TrainingConfig(Optimizer.SGD, 3.0, 16, 0.0, 40, 2, 7, DataType.DOUBLE);
        TrainingResult r = new Trainer(SPEC, cfg).fit(train, val);
        TrainingHistory h = r.history();
        double best = java.util.Arrays.stream(h.validationLoss()).filter(v -> !Double.isNaN(v)).min().orElseThrow();
        assertEquals(best, h.best().validationLoss());
        // the restored network reproduces the best validation loss
        double again = Scores.of(r.model(), val.getFeatures(), val.getLabels()).loss();
        assertEquals(best, again, 1e-12 * Math.max(1, best));
        assertTrue(h.epochs().size() < 40 || h.bestEpoch() > 38, "patience 2 should stop before 40 epochs: " + h.epochs().size());
    }

    @Test
    void earlyStoppingWaitsForTheMinimumNumberOfEpochs() {
        DataSet train = data(48, 4, 6, 4, 3), val = data(16, 4, 6, 4, 4);
        TrainingConfig noMin = new TrainingConfig(Optimizer.SGD, 3.0, 16, 0.0, 40, 2, 7, DataType.DOUBLE);
        int stoppedAt = new Trainer(SPEC, noMin).fit(train, val).history().epochs().size();
        assertTrue(stoppedAt < 12, "patience 2 at lr 3 should stop well before epoch 12: " + stoppedAt);
        TrainingResult r = new Trainer(SPEC, noMin.withMinEpochs(12)).fit(train, val);
        assertTrue(r.history().epochs().size() >= 12, "minEpochs 12 ran " + r.history().epochs().size());
        // the paper preset: at least 100 epochs, never more than maxEpochs
        assertEquals(100, PaperProtocol.PAPER.config(2_000, 1).minEpochs());
        assertEquals(40, PaperProtocol.PAPER.withEpochs(100, 40, 25).config(2_000, 1).minEpochs());
        assertEquals(30, PaperProtocol.PAPER.config(2_000, 1).withEpochs(30, 25).minEpochs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noMin.withMinEpochs(41));
        assertTrue(e.getMessage().contains("minEpochs = 41"), e.getMessage());
    }

    /** C4 on a square lattice, scalar channels: Pi_G per conv kernel and bias. */
    static Constraints c4Constraints(int cIn, int cOut) {
        PointGroup g = PointGroup.c4();
        var pw = Projections.groupAverage(g, new KernelShape(cOut, cIn, 3, 3), FieldType.scalar(cIn), FieldType.scalar(cOut));
        var pb = Projections.biasGroupAverage(g, FieldType.scalar(cOut));
        return Constraints.of(List.of(ParamProjection.kernel(0, pw), new ParamProjection(0, "b", pb, false)));
    }

    @Test
    void equivariantModeStaysInSubspaceWithSgdAndWithAdam() {
        ArchitectureSpec spec = SPEC.withInputChannels(2);
        DataSet train = data(32, 2, 6, 6, 5), val = data(16, 2, 6, 6, 6);
        Constraints cons = c4Constraints(2, 5);
        for (Optimizer o : Optimizer.values()) {
            List<Double> perStep = new ArrayList<>();
            TrainingResult r = new Trainer(spec, config(o, 1e-2, 3, DataType.DOUBLE))
                    .mode(TrainingMode.EQUIVARIANT).constraints(cons)
                    .onStep((step, epoch, net, loss) -> perStep.add(Constraints.total(cons.distances(net))))
                    .fit(train, val);
            double norm = r.model().network().getLayer(0).getParam("W").norm2Number().doubleValue();
            for (EpochRecord e : r.history().epochs()) {
                System.out.println("EQUIVARIANT " + o + " epoch " + e.epoch() + " distance " + e.totalDistance() + " (|W| " + norm + ")");
                assertTrue(e.totalDistance() < 1e-12 * norm, o + ": " + e.distances());
            }
            assertEquals(3 * 2, perStep.size(), "one call per step: 3 epochs x 2 batches");
            for (double d : perStep) assertTrue(d < 1e-12 * norm);
        }
        // NOMINAL from the same (unprojected) seed leaves H_G at once
        TrainingResult nominal = new Trainer(spec, config(Optimizer.SGD, 1e-2, 1, DataType.DOUBLE)).constraints(cons).fit(train, val);
        assertTrue(nominal.history().last().totalDistance() > 1e-3, "nominal distance " + nominal.history().last().distances());
    }

    @Test
    void augmentedModeTrainsOnOrbitBatches() {
        Lattice lat = new Lattice(6, 4);
        Augmenter aug = new Augmenter(LatticeGroups.translations(lat), FieldType.rawLink(), TargetAction.invariant(2), 9);
        DataSet train = data(32, 4, 6, 4, 7), val = data(16, 4, 6, 4, 8);
        long[] batchSizes = {0, 0};
        TrainingResult r = new Trainer(SPEC, config(Optimizer.ADAMW_AMSGRAD, 1e-2, 1, DataType.FLOAT))
                .mode(TrainingMode.AUGMENTED)
                .augmentation(b -> {
                    DataSet o = BatchAugmentation.orbit(aug).apply(b);
                    batchSizes[0] += b.numExamples();
                    batchSizes[1] += o.numExamples();
                    return o;
                })
                .fit(train, val);
        assertEquals(32, batchSizes[0]);
        assertEquals(32L * 24, batchSizes[1], "orbit of the 6x4 translation group has 24 elements");
        assertTrue(Double.isFinite(r.history().last().trainLoss()));
    }

    @Test
    void classificationHeadReportsAccuracy() {
        ArchitectureSpec spec = SPEC.withHead(Head.CLASSIFICATION, 3);
        DataSet d = data(48, 4, 6, 4, 9), v = data(24, 4, 6, 4, 10);
        for (DataSet s : new DataSet[] {d, v}) {
            INDArray y = s.getLabels();
            INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, y.size(0), 3);
            for (int i = 0; i < y.size(0); i++) oneHot.putScalar(i, (int) Math.min(2, Math.floor(y.getDouble(i, 1))), 1.0);
            s.setLabels(oneHot);
        }
        TrainingResult r = new Trainer(spec, config(Optimizer.ADAMW_AMSGRAD, 1e-2, 2, DataType.FLOAT)).fit(d, v);
        double acc = r.history().last().accuracy();
        assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
        assertEquals(0, r.history().last().targetMse().length);
        assertTrue(r.history().last().validationLoss() > 0);
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        DataSet ok = data(8, 4, 6, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(SPEC, config(Optimizer.SGD, 1e-2, 1, DataType.FLOAT)).fit(data(8, 3, 6, 4, 1), ok));
        assertTrue(e.getMessage().contains("input channels = 3"), e.getMessage());
        ArchitectureSpec fl = ArchitectureSpec.fl(List.of(3), List.of(3), List.of(), 2, 6, 4);
        e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(fl, config(Optimizer.SGD, 1e-2, 1, DataType.FLOAT)).fit(ok, data(8, 4, 8, 4, 2)));
        assertTrue(e.getMessage().contains("validation") && e.getMessage().contains("6x4"), e.getMessage());
        DataSet badLabels = new DataSet(ok.getFeatures(), Nd4j.zeros(8, 3));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(SPEC, config(Optimizer.SGD, 1e-2, 1, DataType.FLOAT)).fit(badLabels, ok));
        assertTrue(e.getMessage().contains("labels shape = [8, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Trainer(SPEC, config(Optimizer.SGD, 1e-2, 1, DataType.FLOAT))
                .mode(TrainingMode.AUGMENTED).fit(ok, ok));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(Optimizer.SGD, -1, 16, 0, 1, 1, 1, DataType.FLOAT));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(Optimizer.SGD, 1e-2, 0, 0, 1, 1, 1, DataType.FLOAT));
    }

    @Test
    void trainedModelSavesWithProvenanceAndPredictsTheSame(@TempDir Path dir) throws Exception {
        DataSet train = data(32, 4, 6, 4, 11), val = data(16, 4, 6, 4, 12);
        TrainingResult r = new Trainer(SPEC, config(Optimizer.ADAMW_AMSGRAD, 1e-2, 2, DataType.FLOAT)).fit(train, val);
        Path f = dir.resolve("trained.zip");
        r.model().save(f);
        LatticeModel back = LatticeModel.load(f);
        assertEquals(SPEC, back.spec());
        Map<String, String> p = back.provenance();
        assertEquals("7", p.get("seed"));
        assertTrue(p.get("config").contains("ADAMW_AMSGRAD"), p.toString());
        assertEquals("NOMINAL", p.get("mode"));
        INDArray x = data(5, 4, 10, 3, 13).getFeatures().castTo(DataType.FLOAT);
        assertEquals(r.model().predict(x), back.predict(x));
    }
}
