package latticeq.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The local repository Maven itself would use, so that what a notebook resolved once is found
 * again offline and shared with command-line builds: {@code -Dmaven.repo.local}, else
 * {@code <localRepository>} in {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}.
 */
final class MavenLocalRepository {
    private MavenLocalRepository() {}

    static Path find(Map<String, String> environment, String repoLocalProperty, Path userHome) throws MagicException {
        if (repoLocalProperty != null && !repoLocalProperty.isBlank()) {
            return Path.of(repoLocalProperty.strip());
        }
        Path settings = userHome.resolve(".m2").resolve("settings.xml");
        if (Files.isRegularFile(settings)) {
            String configured = fromSettings(settings);
            if (configured != null && !configured.isBlank()) {
                return Path.of(interpolate(configured.strip(), environment, userHome));
            }
        }
        return userHome.resolve(".m2").resolve("repository");
    }

    private static String fromSettings(Path settings) throws MagicException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(settings.toFile());
            NodeList nodes = document.getDocumentElement().getElementsByTagName("localRepository");
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        } catch (Exception e) {
            throw new MagicException("cannot read the Maven settings " + settings + ": " + e.getMessage(), e);
        }
    }

    /** The two expressions settings files use for this: ${user.home} and ${env.NAME}. */
    private static String interpolate(String value, Map<String, String> environment, Path userHome) {
        String result = value.replace("${user.home}", userHome.toString());
        for (Map.Entry<String, String> e : environment.entrySet()) {
            result = result.replace("${env." + e.getKey() + "}", e.getValue());
        }
        return result;
    }
}
