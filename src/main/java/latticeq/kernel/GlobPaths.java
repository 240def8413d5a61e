package latticeq.kernel;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands the globs of %jars and %classpath ({@code lib/*.jar}, {@code ~/jars/**}, a plain
 * path) against the file system, relative to the kernel's working directory (the notebook's
 * folder). A glob matching nothing is an error: a silently empty class path entry would only
 * show up later as a missing class.
 */
final class GlobPaths {
    private GlobPaths() {}

    /** Files and directories matching {@code glob}, sorted; {@code jarsOnly}: directories expand to the jars inside. */
    static List<Path> expand(String glob, Path workingDirectory, boolean jarsOnly) throws MagicException {
        String pattern = glob.startsWith("~/") ? System.getProperty("user.home") + glob.substring(1) : glob;
        int wildcard = firstWildcard(pattern);
        List<Path> found = new ArrayList<>();
        if (wildcard < 0) {
            Path path = workingDirectory.resolve(pattern).normalize();
            if (!Files.exists(path)) {
                throw new MagicException("'" + glob + "' does not exist (relative paths start at " + workingDirectory + ")");
            }
            found.add(path);
        } else {
            int slash = pattern.lastIndexOf('/', wildcard);
            Path base = workingDirectory.resolve(slash < 0 ? "." : pattern.substring(0, slash + 1)).normalize();
            String rest = slash < 0 ? pattern : pattern.substring(slash + 1);
            if (!Files.isDirectory(base)) {
                throw new MagicException("'" + glob + "' matches nothing: " + base + " is not a directory");
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
            try (Stream<Path> walk = Files.walk(base, rest.contains("**") || rest.contains("/") ? Integer.MAX_VALUE : 1)) {
                walk.filter(p -> !p.equals(base) && matcher.matches(base.relativize(p))).forEach(found::add);
            } catch (IOException e) {
                throw new MagicException("cannot list " + base + " for '" + glob + "': " + e.getMessage(), e);
            }
        }
        TreeSet<Path> result = new TreeSet<>();
        for (Path path : found) {
            if (jarsOnly && Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.list(path)) {
                    inside.filter(GlobPaths::isJar).forEach(result::add);
                } catch (IOException e) {
                    throw new MagicException("cannot list " + path + " for '" + glob + "': " + e.getMessage(), e);
                }
            } else if (Files.isDirectory(path) || isJar(path)) {
                result.add(path);
            }
        }
        if (result.isEmpty()) {
            throw new MagicException("'" + glob + "' matches no " + (jarsOnly ? "jar" : "jar or directory")
                    + " (relative paths start at " + workingDirectory + ")");
        }
        return new ArrayList<>(result);
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
