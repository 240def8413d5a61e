package latticeq.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven artifacts with their transitive compile and runtime dependencies through Apache
 * Maven Resolver, wired as Maven 3 wires it, into the user's local repository. The repository
 * system is built on first use: a kernel that never resolves pays nothing at start.
 */
final class MavenResolver implements AutoCloseable {
    static final String CENTRAL_ID = "central";
    static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";
    private static final Pattern REPOSITORY_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

    /** One resolved artifact: its coordinate (group:artifact[:extension[:classifier]]:version) and file. */
    record Resolved(String coordinate, Path file) {}

    private final Path localRepository;
    /** Id to URL, central first; the id matters offline: it is recorded with each cached artifact. */
    private final Map<String, String> repositories = new LinkedHashMap<>();
    private RepositorySystem system;

    MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
        repositories.put(CENTRAL_ID, CENTRAL_URL);
    }

    Path localRepository() {
        return localRepository;
    }

    Map<String, String> repositories() {
        return Map.copyOf(repositories);
    }

    /** Adds (or re-points) a repository searched after those added before it. */
    void addRepository(String id, String url) throws MagicException {
        if (id == null || !REPOSITORY_ID.matcher(id).matches()) {
            throw new MagicException("repository id '" + id + "' is not valid: need letters, digits, '.', '_' or '-'");
        }
        checkUrl(url);
        repositories.put(id, url);
    }

    static void checkUrl(String url) throws MagicException {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:"))) {
            throw new MagicException("repository url '" + url + "' is not valid: need an https://, http:// or file: URL");
        }
    }

    /**
     * Resolves {@code dependencies} and everything they need at run time, from the session's
     * repositories plus {@code extraRepositories} (id to URL, e.g. from a POM fragment). Nothing
     * is changed when any artifact cannot be resolved: the exception names the ones missing.
     */
    synchronized List<Resolved> resolve(List<Dependency> dependencies, Map<String, String> extraRepositories) throws MagicException {
        if (dependencies.isEmpty()) {
            throw new MagicException("no dependencies given: need at least one group:artifact:version");
        }
        Map<String, String> repos = new LinkedHashMap<>(repositories);
        repos.putAll(extraRepositories);
        List<RemoteRepository> remote = new ArrayList<>();
        repos.forEach((id, url) -> remote.add(new RemoteRepository.Builder(id, "default", url).build()));
        RepositorySystem repositorySystem = system();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(repositorySystem).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .build()) {
            CollectRequest collect = new CollectRequest(dependencies, List.of(), repositorySystem.newResolutionRepositories(session, remote));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            DependencyResult result = repositorySystem.resolveDependencies(session, request);
            List<Resolved> resolved = new ArrayList<>();
            for (ArtifactResult artifactResult : result.getArtifactResults()) {
                Artifact artifact = artifactResult.getArtifact();
                if (artifact != null && artifact.getPath() != null) {
                    resolved.add(new Resolved(coordinate(artifact), artifact.getPath()));
                }
            }
            return resolved;
        } catch (DependencyResolutionException e) {
            throw new MagicException("could not resolve " + describe(dependencies) + " from " + repos.keySet()
                    + " into " + localRepository + ": " + rootMessage(e), e);
        } catch (RuntimeException e) {
            throw new MagicException("could not resolve " + describe(dependencies) + ": " + rootMessage(e), e);
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    static String coordinate(Artifact a) {
        StringBuilder s = new StringBuilder(a.getGroupId()).append(':').append(a.getArtifactId());
        if (!"jar".equals(a.getExtension()) || !a.getClassifier().isEmpty()) {
            s.append(':').append(a.getExtension());
            if (!a.getClassifier().isEmpty()) {
                s.append(':').append(a.getClassifier());
            }
        }
        return s.append(':').append(a.getVersion()).toString();
    }

    private static String describe(List<Dependency> dependencies) {
        List<String> names = new ArrayList<>();
        dependencies.forEach(d -> names.add(coordinate(d.getArtifact())));
        return String.join(", ", names);
    }

    /** The resolver nests causes deeply; the innermost messages say what was missing and where. */
    private static String rootMessage(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !messages.contains(t.getMessage())) {
                messages.add(t.getMessage());
            }
        }
        return messages.isEmpty() ? e.getClass().getName() : messages.get(messages.size() - 1);
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.shutdown();
            system = null;
        }
    }
}
