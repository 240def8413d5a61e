package latticeq.data.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fashion-MNIST as installed by Debian's {@code dataset-fashion-mnist} package: four gzipped
 * IDX files in {@link #DEBIAN_DIRECTORY}. Images 28 x 28, labels 0..9.
 */
public record FashionMnist(IdxImages images, IdxLabels labels) {

    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int CLASSES = 10;

    public FashionMnist {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException("images count " + images.count() + " != labels count " + labels.count() + ": need one label per image");
        }
    }

    /** The Debian directory if its training images are there. */
    public static Optional<Path> debianDirectory() {
        return Files.isRegularFile(DEBIAN_DIRECTORY.resolve("train-images-idx3-ubyte.gz")) ? Optional.of(DEBIAN_DIRECTORY) : Optional.empty();
    }

    /** {@code split} "train" (60000) or "t10k" (10000); files {split}-images-idx3-ubyte[.gz], {split}-labels-idx1-ubyte[.gz]. */
    public static FashionMnist load(Path directory, String split) throws IOException {
        if (!"train".equals(split) && !"t10k".equals(split)) {
            throw new IllegalArgumentException("split = '" + split + "': need 'train' or 't10k'");
        }
        return new FashionMnist(IdxReader.readImages(find(directory, split + "-images-idx3-ubyte")),
                IdxReader.readLabels(find(directory, split + "-labels-idx1-ubyte")));
    }

    private static Path find(Path dir, String base) throws IOException {
        for (String ext : new String[] {".gz", ""}) {
            Path p = dir.resolve(base + ext);
            if (Files.isRegularFile(p)) return p;
        }
        throw new java.io.FileNotFoundException(dir.resolve(base) + "[.gz] not found (install Debian's dataset-fashion-mnist)");
    }
}
