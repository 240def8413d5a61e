package latticeq.sweep;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine a notebook or program asked for in its environment, so that the code that builds a
 * sweep never changes with the engine:
 * <ul>
 *   <li>{@code LATTICEQ_SWEEP} = {@code local} (default): {@link LocalEngine} with {@code workers} threads;</li>
 *   <li>{@code LATTICEQ_SWEEP} = {@code spark}: the Spark engine; {@code LATTICEQ_SPARK_MASTER} names the
 *       master ({@code spark://host:7077}, {@code yarn}, {@code k8s://...}); unset, the master spark-submit
 *       gave (system property {@code spark.master}) or else Spark embedded in this JVM, {@code local[*]}.</li>
 * </ul>
 * Spark is an optional dependency: it is loaded only when asked for, and a JVM without Spark on its
 * class path gets an error that says how to add it.
 */
public final class SweepEngines {
    public static final String ENGINE = "LATTICEQ_SWEEP";
    public static final String MASTER = "LATTICEQ_SPARK_MASTER";
    private static final String SPARK_ENGINE = "latticeq.sweep.spark.SparkEngine";

    private SweepEngines() {}

    /** The engine of {@code LATTICEQ_SWEEP} / {@code LATTICEQ_SPARK_MASTER} in this process's environment. */
    public static SweepEngine fromEnvironment(Path datasets, int workers) {
        return fromSettings(System.getenv(), datasets, workers);
    }

    /** The engine the given environment variables ask for (see the class comment). */
    public static SweepEngine fromSettings(Map<String, String> env, Path datasets, int workers) {
        String engine = env.getOrDefault(ENGINE, "").trim();
        return switch (engine) {
            case "", "local" -> new LocalEngine(workers, datasets);
            case "spark" -> spark(env.get(MASTER), datasets);
            default -> throw new IllegalArgumentException(ENGINE + " = " + engine + " is not allowed: need local or spark");
        };
    }

    /**
     * The Spark engine on {@code master} (null or blank: spark-submit's master, else {@code local[*]}).
     *
     * @throws IllegalStateException when Spark is not on the class path
     */
    public static SweepEngine spark(String master, Path datasets) {
        try {
            Class<?> c = Class.forName(SPARK_ENGINE);
            return (SweepEngine) c.getMethod("create", String.class, Path.class).invoke(null, master, datasets);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException(ENGINE + "=spark needs Spark on the class path (" + e.getMessage() + "): the kernel adds "
                    + "target/spark/jars when it starts with " + ENGINE + "=spark; elsewhere add the org.apache.spark:spark-core_2.13 "
                    + "jars (README, 'Sweeps on Spark')", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("cannot start the Spark engine: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the Spark engine: " + e, e);
        }
    }
}
