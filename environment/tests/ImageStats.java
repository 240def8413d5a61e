import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Prints facts about a screenshot so a shell script can tell a rendered page from a blank one:
 * {@code width height distinctColours nonWhiteFraction}. Run as a single-file program:
 * {@code java environment/tests/ImageStats.java shot.png}.
 */
public class ImageStats {
    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(new File(args[0]));
        if (image == null) {
            throw new IllegalArgumentException("file = " + args[0] + " is not an image ImageIO can read");
        }
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        double fraction = (double) nonWhite / ((long) image.getWidth() * image.getHeight());
        System.out.printf(java.util.Locale.ROOT, "%d %d %d %.4f%n", image.getWidth(), image.getHeight(), colours.size(), fraction);
    }
}
