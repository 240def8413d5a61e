package latticeq.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The channel layout of a lattice field (or of a network layer's feature map): a list of
 * channel blocks, each with its {@link ChannelRepresentation}, channels numbered in block order.
 * Immutable.
 */
public record FieldType(List<ChannelRepresentation> blocks) {

    public FieldType {
        if (blocks == null || blocks.isEmpty()) throw new IllegalArgumentException("blocks = " + blocks + ": need at least one channel block");
        for (ChannelRepresentation b : blocks) {
            if (b == null) throw new IllegalArgumentException("blocks contains null: need ChannelRepresentation values");
        }
        blocks = List.copyOf(blocks);
    }

    public static FieldType of(ChannelRepresentation... blocks) {
        return new FieldType(Arrays.asList(blocks));
    }

    /** {@code channels} trivial scalar channels. */
    public static FieldType scalar(int channels) {
        return repeat(ChannelRepresentation.TRIVIAL, channels, "channels");
    }

    /** The raw network input (k_t, k_x, l_t, l_x). */
    public static FieldType rawLink() {
        return of(ChannelRepresentation.RAW_LINK);
    }

    /** The eight site-centred lifted link channels (see {@link LinkLift}). */
    public static FieldType liftedLink() {
        return of(ChannelRepresentation.LIFTED_LINK);
    }

    /** {@code copies} copies of the regular representation of {@code group}: copies * |G| channels. */
    public static FieldType regular(PointGroup group, int copies) {
        return repeat(ChannelRepresentation.regular(group), copies, "copies");
    }

    /** {@code copies} copies of one block. */
    public static FieldType repeat(ChannelRepresentation block, int copies, String what) {
        if (copies < 1) throw new IllegalArgumentException(what + " = " + copies + ": need >= 1");
        List<ChannelRepresentation> list = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) list.add(block);
        return new FieldType(list);
    }

    /** This field's blocks followed by {@code other}'s. */
    public FieldType concat(FieldType other) {
        List<ChannelRepresentation> list = new ArrayList<>(blocks);
        list.addAll(other.blocks);
        return new FieldType(list);
    }

    public int channels() {
        int c = 0;
        for (ChannelRepresentation b : blocks) c += b.channels();
        return c;
    }

    public boolean siteCentred() {
        return blocks.stream().allMatch(ChannelRepresentation::siteCentred);
    }

    /** The action of {@code g} on all channels. */
    public ChannelMap map(PointElement g) {
        ChannelMap m = null;
        for (ChannelRepresentation b : blocks) {
            ChannelMap bm = b.map(g);
            m = m == null ? bm : m.concat(bm);
        }
        return m;
    }

    /**
     * True if every element of {@code group} acts on the channels by a plain permutation (no
     * sign): then any pointwise nonlinearity and any per-channel bias shared within each orbit keep
     * a layer equivariant. Channels that can change sign (k-type channels, C-odd scalars) need odd
     * nonlinearities (tanh) and zero bias; {@link #signFlipping(PointGroup)} says which.
     */
    public boolean isPermutation(PointGroup group) {
        for (boolean b : signFlipping(group)) if (b) return false;
        return true;
    }

    /** For each channel: does some element of {@code group} give it a minus sign? */
    public boolean[] signFlipping(PointGroup group) {
        boolean[] out = new boolean[channels()];
        for (PointElement g : group.elements()) {
            ChannelMap m = map(g);
            for (int j = 0; j < out.length; j++) if (m.sign(j) < 0) out[j] = true;
        }
        return out;
    }

    /** Throws unless {@code channels} equals {@link #channels()}. */
    public void requireChannels(long channels, String what) {
        if (channels != channels()) {
            throw new IllegalArgumentException(what + " has " + channels + " channels but field type " + this + " needs exactly " + channels());
        }
    }

    /** Throws unless every block is site-centred (needed to act on kernels). */
    public void requireSiteCentred(String what) {
        if (!siteCentred()) {
            throw new IllegalArgumentException(what + " field type " + this + " has raw link channels, which are not site-centred (a reflection"
                    + " or rotation moves a reversed link by one site), so no kernel transformation represents it; lift the input"
                    + " with LinkLift.lift to FieldType.liftedLink() first");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FieldType[");
        ChannelRepresentation prev = null;
        int run = 0;
        List<String> parts = new ArrayList<>();
        for (ChannelRepresentation b : blocks) {
            if (b.equals(prev)) {
                run++;
            } else {
                if (prev != null) parts.add(name(prev) + (run > 1 ? "x" + run : ""));
                prev = b;
                run = 1;
            }
        }
        parts.add(name(prev) + (run > 1 ? "x" + run : ""));
        sb.append(String.join(", ", parts)).append("; ").append(channels()).append(" channels]");
        return sb.toString();
    }

    private static String name(ChannelRepresentation b) {
        if (b instanceof ChannelRepresentation.Regular r) return "regular(" + r.group().name() + ")";
        return b.getClass().getSimpleName();
    }
}
