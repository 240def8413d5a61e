package latticeq.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import latticeq.lattice.Lattice;
import latticeq.nn.ArchitectureSpec;
import latticeq.nn.Family;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded random search candidates: the number of conv layers uniform in 1..maxLayers, then each
 * layer's kernel and channels uniform in the space; duplicates are drawn again, so the trials are
 * unique (as in the follow-up's "50 unique trials").
 */
public final class ArchitectureSearch {
    private ArchitectureSearch() {}

    /**
     * @param family  EQ, ST or FL
     * @param space   search space
     * @param trials  unique candidates wanted (at most the size of the space)
     * @param stride  stride of ST networks (ignored for EQ and FL)
     * @param lattice lattice an FL network is bound to (ignored for EQ and ST)
     * @param outputs outputs of the regression head
     * @param seed    seed of the draw
     */
    public static List<ArchitectureSpec> candidates(Family family, SearchSpace space, int trials, int stride,
                                                    Lattice lattice, int outputs, long seed) {
        if (trials < 1 || trials > space.size()) {
            throw new IllegalArgumentException("trials = " + trials + " is not allowed: need 1.." + space.size());
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Set<ArchitectureSpec> unique = new LinkedHashSet<>();
        while (unique.size() < trials) {
            int layers = 1 + rng.nextInt(space.maxLayers());
            List<Integer> channels = new ArrayList<>(), kernels = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                kernels.add(space.kernels().get(rng.nextInt(space.kernels().size())));
                channels.add(space.channels().get(rng.nextInt(space.channels().size())));
            }
            unique.add(spec(family, channels, kernels, space.denseHidden(), outputs, stride, lattice));
        }
        return List.copyOf(unique);
    }

    /** One regression spec of the family (FL bound to {@code lattice}, ST with {@code stride}). */
    public static ArchitectureSpec spec(Family family, List<Integer> channels, List<Integer> kernels, List<Integer> dense,
                                        int outputs, int stride, Lattice lattice) {
        return switch (family) {
            case EQ -> ArchitectureSpec.eq(channels, kernels, dense, outputs);
            case ST -> ArchitectureSpec.st(channels, kernels, dense, outputs, stride);
            case FL -> ArchitectureSpec.fl(channels, kernels, dense, outputs, lattice.nt(), lattice.nx());
        };
    }

    /**
     * The study's default architecture of a family when no search result is saved: conv 16, 16 with
     * kernels 3 (tanh), then pooling (EQ, ST; ST with stride 2) or flattening (FL), and one linear
     * output layer, as the group's networks read out. The conv stack is our choice (a mid-point of
     * the search space); the search of notebook 07 replaces it.
     */
    public static ArchitectureSpec defaultSpec(Family family, Lattice lattice) {
        return spec(family, List.of(16, 16), List.of(3, 3), List.of(), 2, 2, lattice);
    }
}
