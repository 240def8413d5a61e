package latticeq.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
    record Part(int n, String name) {}

    @Test
    void theKeyIsTheSha256OfTheSortedJson() throws Exception {
        // computed here from the JSON text written out by hand
        String json = "[\"regression\",{\"n\":3,\"name\":\"a\"},{\"a\":1,\"b\":2}]";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(json.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        Map<String, Integer> unsorted = new java.util.LinkedHashMap<>();
        unsorted.put("b", 2);
        unsorted.put("a", 1);
        assertEquals(expected, CacheKey.of(new Object[] {"regression", new Part(3, "a"), unsorted}));
        assertEquals(expected, CacheKey.of(List.of("regression", new Part(3, "a"), new TreeMap<>(unsorted))));
    }

    @Test
    void aChangedFieldIsAnotherKey() {
        assertNotEquals(CacheKey.of(new Part(3, "a")), CacheKey.of(new Part(4, "a")));
        assertEquals(16, CacheKey.of(new Part(3, "a")).length());
    }
}
