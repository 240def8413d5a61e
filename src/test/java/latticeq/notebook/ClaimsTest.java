package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exactClaimsAreJudgedAtEveryBudget() {
        Claims claims = Claims.printingTo(Budget.fromEnvironment(Map.of("LATTICEQ_BUDGET", "ci")), print);
        assertEquals(Claims.Verdict.PASS, claims.check("sum rule", true, "1 + 1 = 2").verdict());
        assertEquals(Claims.Verdict.FAIL, claims.check("broken", false, "").verdict());
        assertEquals("CLAIM PASS  sum rule | 1 + 1 = 2\nCLAIM FAIL  broken\n", printed());
        assertEquals("claims: 1 pass, 1 fail, 0 unjudged (budget ci)", claims.summary());
    }

    @Test
    void statisticalClaimIsUnjudgedWhenItFailsAtCiBudget() {
        Claims claims = Claims.printingTo(Budget.fromEnvironment(Map.of("LATTICEQ_BUDGET", "ci")), print);
        assertEquals(Claims.Verdict.PASS, claims.checkAtScale("EQ beats FL", true, "").verdict());
        Claims.Result result = claims.checkAtScale("EQ beats FL by 2x", false, "ratio 1.3");
        assertEquals(Claims.Verdict.UNJUDGED, result.verdict());
        assertEquals("CLAIM UNJUDGED  EQ beats FL by 2x | budget ci is too small to judge; ratio 1.3", result.line());
    }

    @Test
    void statisticalClaimFailsAtPaperBudget() {
        Claims claims = Claims.printingTo(Budget.fromEnvironment(Map.of()), print);
        assertEquals(Claims.Verdict.FAIL, claims.checkAtScale("EQ beats FL by 2x", false, "ratio 1.3").verdict());
        assertEquals(1, claims.count(Claims.Verdict.FAIL));
    }

    @Test
    void namesMustBeOneLine() {
        Claims claims = Claims.printingTo(Budget.fromEnvironment(Map.of()), print);
        assertThrows(IllegalArgumentException.class, () -> claims.check("a\nb", true, ""));
        assertThrows(IllegalArgumentException.class, () -> claims.check(" ", true, ""));
    }
}
