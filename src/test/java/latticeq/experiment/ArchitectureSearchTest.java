package latticeq.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import latticeq.lattice.Lattice;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureSearchTest {
    private static final Lattice L = new Lattice(60, 4);

    @Test
    void paperSpaceHas3615Stacks() {
        assertEquals(15 + 225 + 3375, SearchSpace.paper().size());
        assertEquals(3, new SearchSpace(1, List.of(1), List.of(10, 13, 16), List.of()).size());
    }

    @Test
    void candidatesAreUniqueInsideTheSpaceAndReproducible() {
        SearchSpace space = SearchSpace.paper();
        for (Family f : Family.values()) {
            List<ArchitectureSpec> a = ArchitectureSearch.candidates(f, space, 50, 2, L, 2, 11L);
            assertEquals(50, a.size());
            assertEquals(50, new HashSet<>(a).size());
            assertEquals(a, ArchitectureSearch.candidates(f, space, 50, 2, L, 2, 11L));
            assertNotEquals(a, ArchitectureSearch.candidates(f, space, 50, 2, L, 2, 12L));
            for (ArchitectureSpec s : a) {
                assertEquals(f, s.family());
                assertTrue(s.convLayers() >= 1 && s.convLayers() <= 3);
                assertTrue(space.kernels().containsAll(s.convKernels()));
                assertTrue(space.channels().containsAll(s.convChannels()));
                assertEquals(List.of(), s.denseHidden());
            }
            // every layer count occurs among 50 draws
            assertEquals(3, a.stream().mapToInt(ArchitectureSpec::convLayers).distinct().count());
        }
    }

    @Test
    void wholeSmallSpaceCanBeDrawnButNotMore() {
        SearchSpace tiny = new SearchSpace(1, List.of(1, 3), List.of(10, 13), List.of());
        assertEquals(4, new HashSet<>(ArchitectureSearch.candidates(Family.EQ, tiny, 4, 2, L, 2, 1L)).size());
        assertThrows(IllegalArgumentException.class, () -> ArchitectureSearch.candidates(Family.EQ, tiny, 5, 2, L, 2, 1L));
    }

    @Test
    void storeRoundTripsAndFallsBackToTheDefault(@TempDir Path dir) throws Exception {
        ArchitectureStore store = new ArchitectureStore(dir.resolve("arch"));
        assertEquals(ArchitectureSearch.defaultSpec(Family.ST, L), store.loadOrDefault(Family.ST, L));
        ArchitectureSpec fl = ArchitectureSpec.fl(List.of(13, 22), List.of(1, 3), List.of(16), 2, 60, 4);
        store.save(fl);
        assertEquals(fl, store.load(Family.FL).orElseThrow());
        assertEquals(fl, store.loadOrDefault(Family.FL, L));
        assertTrue(store.load(Family.EQ).isEmpty());
    }
}
