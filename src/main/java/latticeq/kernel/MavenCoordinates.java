package latticeq.kernel;

import java.util.regex.Pattern;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * Checks a Maven coordinate before Maven Resolver sees it, so that a typo is reported as the
 * user's argument and not as a resolver stack trace: {@code group:artifact:version} or
 * {@code group:artifact:extension[:classifier]:version} (the form IJava's %maven takes).
 */
final class MavenCoordinates {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-\\[\\](),${}]+");

    private MavenCoordinates() {}

    static Artifact parse(String coordinate) throws MagicException {
        String[] parts = coordinate.split(":", -1);
        boolean shapeOk = parts.length >= 3 && parts.length <= 5;
        if (shapeOk) {
            for (String part : parts) {
                if (!PART.matcher(part).matches()) {
                    shapeOk = false;
                    break;
                }
            }
        }
        if (!shapeOk) {
            throw new MagicException("'" + coordinate + "' is not a Maven coordinate: need group:artifact:version"
                    + " or group:artifact:extension[:classifier]:version, e.g. org.apache.commons:commons-math3:3.6.1");
        }
        return switch (parts.length) {
            case 3 -> new DefaultArtifact(parts[0], parts[1], "jar", parts[2]);
            case 4 -> new DefaultArtifact(parts[0], parts[1], parts[2], parts[3]);
            default -> new DefaultArtifact(parts[0], parts[1], parts[3], parts[2], parts[4]);
        };
    }
}
