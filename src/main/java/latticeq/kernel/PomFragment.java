package latticeq.kernel;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads the body of %%loadFromPOM: what a library's README says to paste into a POM, i.e. loose
 * {@code <dependency>} and {@code <repository>} elements (or their {@code <dependencies>} /
 * {@code <repositories>} lists), or a whole {@code <project>}. Only the dependencies and
 * repositories are taken, with the project's {@code <properties>} substituted; a parent POM and
 * dependency management are not applied (a version must be written out).
 */
final class PomFragment {
    /** The dependencies to resolve, the repositories (id to URL) to search, and dependencies skipped for their scope. */
    record Parsed(List<Dependency> dependencies, Map<String, String> repositories, List<String> skipped) {}

    static final Set<String> DEFAULT_SCOPES = Set.of("compile", "runtime");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    /** Elements whose dependencies or repositories are not the project's own. */
    private static final Set<String> NOT_OURS = Set.of("dependencyManagement", "build", "plugins", "plugin",
            "pluginRepositories", "distributionManagement", "profiles", "exclusions", "reporting");

    private PomFragment() {}

    static Parsed parse(String body, Set<String> scopes) throws MagicException {
        String xml = body.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        if (xml.isEmpty()) {
            throw new MagicException("the cell has no POM content: need <dependency> elements, <repository> elements or a <project>");
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            String document = xml.startsWith("<project") ? xml : "<fragment>" + xml + "</fragment>";
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(document))).getDocumentElement();
        } catch (Exception e) {
            throw new MagicException("the cell is not well-formed POM XML: " + e.getMessage(), e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element props : children(root, "properties")) {
            for (Element p : children(props, null)) {
                properties.put(p.getTagName(), p.getTextContent().strip());
            }
        }
        List<Dependency> dependencies = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> repositories = new LinkedHashMap<>();
        for (Element d : ours(root, "dependency")) {
            String groupId = required(d, "groupId", "dependency", properties);
            String artifactId = required(d, "artifactId", "dependency", properties);
            String version = text(d, "version", properties);
            if (version == null) {
                throw new MagicException("<dependency> " + groupId + ":" + artifactId + " has no <version>: write it out"
                        + " (parent POMs and dependencyManagement are not applied here)");
            }
            String type = orDefault(text(d, "type", properties), "jar");
            String classifier = orDefault(text(d, "classifier", properties), "");
            String scope = orDefault(text(d, "scope", properties), "compile");
            String coordinate = groupId + ":" + artifactId + ":" + version;
            if (!scopes.contains(scope)) {
                skipped.add(coordinate + " (scope " + scope + ")");
                continue;
            }
            List<Exclusion> exclusions = new ArrayList<>();
            for (Element list : children(d, "exclusions")) {
                for (Element e : children(list, "exclusion")) {
                    exclusions.add(new Exclusion(required(e, "groupId", "exclusion", properties),
                            required(e, "artifactId", "exclusion", properties), "*", "*"));
                }
            }
            boolean optional = "true".equals(text(d, "optional", properties));
            dependencies.add(new Dependency(new DefaultArtifact(groupId, artifactId, classifier, type, version),
                    scope, optional, exclusions));
        }
        for (Element r : ours(root, "repository")) {
            String id = required(r, "id", "repository", properties);
            String url = required(r, "url", "repository", properties);
            MavenResolver.checkUrl(url);
            repositories.put(id, url);
        }
        if (dependencies.isEmpty() && skipped.isEmpty()) {
            throw new MagicException("the cell names no <dependency>: need at least one <dependency> with groupId, artifactId and version");
        }
        return new Parsed(dependencies, repositories, skipped);
    }

    /** Elements named {@code tag} anywhere below {@code root}, except inside {@link #NOT_OURS}. */
    private static List<Element> ours(Element root, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            boolean inside = false;
            for (Node p = e.getParentNode(); p != null && p != root; p = p.getParentNode()) {
                if (p instanceof Element pe && NOT_OURS.contains(pe.getTagName())) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String tag, Map<String, String> properties) throws MagicException {
        List<Element> list = children(parent, tag);
        if (list.isEmpty()) {
            return null;
        }
        String value = list.get(0).getTextContent().strip();
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.get(m.group(1));
            if (replacement == null) {
                throw new MagicException("<" + tag + ">" + value + "</" + tag + "> uses ${" + m.group(1)
                        + "}, which no <properties> element of the cell defines");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String required(Element parent, String tag, String what, Map<String, String> properties) throws MagicException {
        String value = text(parent, tag, properties);
        if (value == null || value.isEmpty()) {
            throw new MagicException("a <" + what + "> has no <" + tag + ">");
        }
        return value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
