package latticeq.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way the library names a cache entry: the first 16 hex digits of the sha256 of the value's
 * JSON (map entries sorted by key), so the same value gives the same key in every run and a changed
 * field gives another.
 */
public final class CacheKey {
    private CacheKey() {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The key of a value Jackson can serialise (a record, a list, an array of parts). */
    public static String of(Object value) {
        try {
            return hex(sha256().digest(JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value = " + value + ": cannot be written as JSON for a cache key", e);
        }
    }

    /** A new SHA-256 digest (every JVM has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Lower-case hex of a digest. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
