package latticeq.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Spark's Java 17 module flags are written once for Java (SparkEngine.JAVA_17_OPTIONS: the cluster's
 * JVMs) and once for the build (pom.xml: the test JVMs; environment/install.sh puts the same into
 * the kernel's start script): the two lists must not drift apart.
 */
class JavaOptionsTest {
    @Test
    void thePomAndTheLibraryListTheSameFlags() throws IOException {
        Matcher m = Pattern.compile("<latticeq.java17Options>(.*)</latticeq.java17Options>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml has <latticeq.java17Options>");
        assertEquals(String.join(" ", SparkEngine.JAVA_17_OPTIONS), m.group(1).trim());
        assertTrue(Files.readString(Path.of("environment", "kernel.sh")).contains("@JAVA17_OPTIONS@"), "the kernel starts with them");
    }
}
