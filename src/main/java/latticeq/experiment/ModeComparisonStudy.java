package latticeq.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import latticeq.data.idx.FashionMnist;
import latticeq.dynamics.ModeComparison;
import latticeq.symmetry.PointGroup;
import latticeq.dynamics.RegressionData;
import latticeq.dynamics.Support;

/**
 * The sizes of notebook 13 (arXiv:2303.13458, nominal vs augmented vs equivariant training in
 * practice), read from a {@link BudgetValues} ({@code P13_*} names), and the two tasks and
 * configurations built from them: (a) |phi|^2 on lattice configurations with D4, (b) Fashion-MNIST
 * with C4. Image runs also train the plain reference ({@link ModeComparison.Config#REFERENCE}).
 */
public record ModeComparisonStudy(int side, int latticeTrain, int latticeTest, int latticeEpochs, int latticeCopies, int latticeBatch,
                                  double latticeRate, int imageTrain, int imageTest, int imageFactor, int imageCopies, int imageEpochs,
                                  int imageBatch, double imageRate, List<Long> seeds, long dataSeed) {
    public ModeComparisonStudy {
        seeds = List.copyOf(seeds);
        String[] names = {"side", "latticeTrain", "latticeTest", "latticeEpochs", "latticeCopies", "latticeBatch", "imageTrain", "imageTest",
                "imageFactor", "imageCopies", "imageEpochs", "imageBatch"};
        int[] values = {side, latticeTrain, latticeTest, latticeEpochs, latticeCopies, latticeBatch, imageTrain, imageTest, imageFactor,
                imageCopies, imageEpochs, imageBatch};
        for (int i = 0; i < names.length; i++) {
            if (values[i] < 1) throw new IllegalArgumentException(names[i] + " = " + values[i] + ": need >= 1");
        }
        if (!(latticeRate > 0)) throw new IllegalArgumentException("latticeRate = " + latticeRate + ": need > 0");
        if (!(imageRate > 0)) throw new IllegalArgumentException("imageRate = " + imageRate + ": need > 0");
        if (seeds.isEmpty()) throw new IllegalArgumentException("seeds is empty: need at least one");
    }

    /** The CI and paper presets; every value overridable as {@code LATTICEQ_P13_<NAME>}. */
    public static ModeComparisonStudy fromBudget(BudgetValues b) {
        int seedCount = b.intValue("P13_SEEDS", 1, 2);
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < seedCount; i++) seeds.add(300L + i);
        return new ModeComparisonStudy(b.intValue("P13_L", 6, 8), b.intValue("P13_TRAIN", 64, 768), b.intValue("P13_TEST", 32, 256),
                b.intValue("P13_EPOCHS", 3, 30), b.intValue("P13_COPIES", 1, 2), b.intValue("P13_BATCH", 16, 32),
                b.doubleValue("P13_LR", 0.005, 0.005), b.intValue("P13_IMG_TRAIN", 128, 3000), b.intValue("P13_IMG_TEST", 64, 1000),
                b.intValue("P13_IMG_FACTOR", 2, 2), b.intValue("P13_IMG_COPIES", 2, 2), b.intValue("P13_IMG_EPOCHS", 2, 30),
                b.intValue("P13_IMG_BATCH", 16, 50), b.doubleValue("P13_IMG_LR", 0.01, 0.01), seeds, b.longValue("P13_DATA_SEED", 1313L, 1313L));
    }

    /** (a) |phi|^2 at mu = 0 on side x side, D4, {@code latticeCopies} regular copies per hidden layer. */
    public ModeComparison.Task latticeTask() {
        RegressionData data = RegressionData.phi2AtZeroMu(side, latticeTrain + latticeTest, 100, 4, dataSeed, null);
        return ModeComparison.Task.phi2(data, latticeTrain, latticeTest, PointGroup.d4(), List.of(latticeCopies, latticeCopies), List.of(latticeCopies));
    }

    public ModeComparison.Config latticeConfig() {
        return new ModeComparison.Config(ModeComparison.Config.adamModes(latticeRate), Support.FULL, latticeEpochs, latticeBatch, seeds, 7L);
    }

    /** (b) Fashion-MNIST from Debian's dataset-fashion-mnist, downscaled by {@code imageFactor}, C4. */
    public ModeComparison.Task imageTask() throws IOException {
        Path dir = FashionMnist.debianDirectory().orElseThrow(() -> new IllegalStateException(
                "Fashion-MNIST not found in " + FashionMnist.DEBIAN_DIRECTORY + ": environment/install.sh installs dataset-fashion-mnist"));
        return ModeComparison.Task.fashionMnist(dir, imageTrain, imageTest, imageFactor, List.of(imageCopies, imageCopies), List.of(imageCopies));
    }

    public ModeComparison.Config imageConfig() {
        return new ModeComparison.Config(ModeComparison.Config.adamModes(imageRate), Support.FULL, imageEpochs, imageBatch, seeds, 8L, true);
    }
}
