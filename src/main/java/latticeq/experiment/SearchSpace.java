package latticeq.experiment;

import java.util.List;

/**
 * The architecture search space of the study: 1..maxLayers conv layers, each with a kernel size
 * from {@code kernels} and a channel count from {@code channels}; the dense head is fixed.
 *
 * @param maxLayers   most conv layers (1..3)
 * @param kernels     allowed kernel sizes (each 1..3)
 * @param channels    allowed channel counts (each >= 1)
 * @param denseHidden hidden dense widths of every candidate (fixed, possibly empty)
 */
public record SearchSpace(int maxLayers, List<Integer> kernels, List<Integer> channels, List<Integer> denseHidden) {

    public SearchSpace {
        kernels = List.copyOf(kernels);
        channels = List.copyOf(channels);
        denseHidden = List.copyOf(denseHidden);
        if (maxLayers < 1 || maxLayers > 3) {
            throw new IllegalArgumentException("maxLayers = " + maxLayers + " is not allowed: need 1..3");
        }
        if (kernels.isEmpty() || kernels.stream().anyMatch(k -> k < 1 || k > 3)) {
            throw new IllegalArgumentException("kernels = " + kernels + " is not allowed: need a non-empty list of sizes in 1..3");
        }
        if (channels.isEmpty() || channels.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("channels = " + channels + " is not allowed: need a non-empty list of counts >= 1");
        }
    }

    /**
     * The group's space: 1-3 layers, kernel 1-3, channels {10, 13, 16, 19, 22}, no hidden dense
     * layer (the pooled or flattened features go to one linear output layer, {@code units = []}).
     */
    public static SearchSpace paper() {
        return new SearchSpace(3, List.of(1, 2, 3), List.of(10, 13, 16, 19, 22), List.of());
    }

    /** The same space with a fixed hidden dense head of the given widths (an explicit option, not the papers'). */
    public SearchSpace withDenseHidden(List<Integer> widths) {
        return new SearchSpace(maxLayers, kernels, channels, widths);
    }

    /** Number of distinct conv stacks in the space. */
    public long size() {
        long per = (long) kernels.size() * channels.size();
        long total = 0, power = 1;
        for (int layers = 1; layers <= maxLayers; layers++) {
            power *= per;
            total += power;
        }
        return total;
    }
}
