package latticeq.progress;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressGroupTest {
    @Test
    void sumsTheMembersFractionsAndFinishesOnceWhenAllHave() {
        List<long[]> updates = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        int[] finishes = {0};
        ProgressListener target = new ProgressListener() {
            @Override public void update(long done, long total, String message) { updates.add(new long[] {done, total}); messages.add(message); }
            @Override public void finish() { finishes[0]++; }
        };
        ProgressGroup g = new ProgressGroup(target, 2);
        ProgressListener a = g.member(0, "EQ"), b = g.member(1, "ST");
        a.update(5, 10, "epoch 5");
        assertArrayEquals(new long[] {500, 2000}, updates.get(0));
        assertEquals("0 of 2 done; EQ: epoch 5", messages.get(0));
        b.update(1, 4, "epoch 1");
        assertArrayEquals(new long[] {750, 2000}, updates.get(1));
        a.finish();
        a.update(3, 10, "late");          // a finished member stays at 1
        assertEquals(1, g.finished());
        assertArrayEquals(new long[] {1250, 2000}, updates.get(updates.size() - 1));
        assertEquals(0, finishes[0]);
        b.finish();
        b.finish();
        assertEquals(1, finishes[0]);
        assertArrayEquals(new long[] {2000, 2000}, updates.get(updates.size() - 1));
        assertThrows(IllegalArgumentException.class, () -> g.member(2, "x"));
        assertThrows(IllegalArgumentException.class, () -> new ProgressGroup(target, 0));
    }
}
