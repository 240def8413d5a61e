package latticeq.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    /** Records what a kernel would send. */
    static final class RecordingSink implements DisplaySink {
        final List<String> calls = new ArrayList<>();
        final List<MimeBundle> bundles = new ArrayList<>();

        @Override
        public void display(MimeBundle bundle, String displayId) {
            calls.add("display " + displayId);
            bundles.add(bundle);
        }

        @Override
        public void update(MimeBundle bundle, String displayId) {
            calls.add("update " + displayId);
            bundles.add(bundle);
        }
    }

    @Test
    void oneDisplayUpdatedInPlaceAndRateLimited() {
        RecordingSink sink = new RecordingSink();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = ProgressBar.create("train", sink, null, now::get);
        for (int i = 1; i <= 1000; i++) {
            now.addAndGet(1_000_000L); // 1 ms per step: 1 s in all
            bar.update(i, 1000, "epoch " + i);
        }
        bar.finish();
        bar.finish(); // a second finish shows nothing more
        String id = bar.displayId();
        assertEquals("display " + id, sink.calls.get(0));
        assertTrue(sink.calls.stream().skip(1).allMatch(c -> c.equals("update " + id)), sink.calls.toString());
        // 1 s at one update per 200 ms: about 5 updates (+ first, + finish), never 1000
        assertTrue(sink.calls.size() >= 5 && sink.calls.size() <= 9, "calls: " + sink.calls.size());
        MimeBundle last = sink.bundles.get(sink.bundles.size() - 1);
        assertTrue(last.plainText().contains("100.0% 1000/1000") && last.plainText().endsWith("done"), last.plainText());
        assertTrue(last.get(MimeBundle.HTML).contains("<progress value=\"1.0000\""), last.get(MimeBundle.HTML));
    }

    @Test
    void plainTextOutsideJupyter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = ProgressBar.create("sample", null, new PrintStream(out, true, StandardCharsets.UTF_8), now::get);
        bar.update(1, 4, "a");
        now.addAndGet(1_000_000_000L);
        bar.update(2, 4, "b"); // within 5 s of the last line: not printed
        now.addAndGet(5_000_000_000L);
        bar.update(3, 4, "c");
        bar.finish();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[########......................] sample  25.0% 1/4"), lines.get(0));
        assertTrue(lines.get(2).contains("75.0% 3/4") && lines.get(2).endsWith("done"), lines.get(2));
    }

    @Test
    void badProgressIsRejected() {
        ProgressBar bar = ProgressBar.create("x", new RecordingSink(), null, () -> 0L);
        assertThrows(IllegalArgumentException.class, () -> bar.update(5, 4, ""));
        assertThrows(IllegalArgumentException.class, () -> bar.update(-1, 4, ""));
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.create(" ", null, null, () -> 0L));
    }
}
