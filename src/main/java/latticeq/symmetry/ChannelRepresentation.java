package latticeq.symmetry;

/**
 * How a point symmetry acts on a block of channels of a lattice field (together with moving
 * sites by g). The raw-link formulas are written out a second time, independently, in the tests
 * ({@code FieldActionTest.docAction}), which check this class against them.
 *
 * <ul>
 *   <li>{@link #TRIVIAL}: one scalar channel, (g.s)(p) = s(g^-1 p).</li>
 *   <li>{@link #CHARGE_ODD}: one scalar channel that changes sign under C (e.g. a per-site
 *       k-density); unchanged by D4.</li>
 *   <li>{@link #RAW_LINK}: the four network input channels (k_t, k_x, l_t, l_x), each link stored
 *       at its starting site; k is oriented (sign under C and where a link reverses), a reversed
 *       link moves by one site. Not site-centred.</li>
 *   <li>{@link #LIFTED_LINK}: eight site-centred channels (k_t(x), k_x(x), k_t(x-t), k_x(x-x),
 *       l_t(x), l_x(x), l_t(x-t), l_x(x-x)): every element acts as a grid transformation times a
 *       signed permutation, so kernel projections give exactly equivariant convolutions. Build
 *       it from raw channels with {@link LinkLift}.</li>
 *   <li>{@link #regular(PointGroup)}: |G| channels indexed by the elements h of a point group,
 *       (g.f)_h(p) = f_{g^-1 h}(g^-1 p); the usual hidden representation of group convolutions.</li>
 * </ul>
 */
public sealed interface ChannelRepresentation
        permits ChannelRepresentation.Trivial, ChannelRepresentation.ChargeOdd, ChannelRepresentation.RawLink,
        ChannelRepresentation.LiftedLink, ChannelRepresentation.Regular {

    Trivial TRIVIAL = new Trivial();
    ChargeOdd CHARGE_ODD = new ChargeOdd();
    RawLink RAW_LINK = new RawLink();
    LiftedLink LIFTED_LINK = new LiftedLink();

    static Regular regular(PointGroup group) {
        return new Regular(group);
    }

    /** Number of channels in this block. */
    int channels();

    /** True if every element acts without a site offset (required for kernel projections). */
    boolean siteCentred();

    /** The action of point element {@code g} on this block's channels. */
    ChannelMap map(PointElement g);

    record Trivial() implements ChannelRepresentation {
        public int channels() {
            return 1;
        }

        public boolean siteCentred() {
            return true;
        }

        public ChannelMap map(PointElement g) {
            return ChannelMap.pure(new int[] {0}, new int[] {1});
        }
    }

    record ChargeOdd() implements ChannelRepresentation {
        public int channels() {
            return 1;
        }

        public boolean siteCentred() {
            return true;
        }

        public ChannelMap map(PointElement g) {
            return ChannelMap.pure(new int[] {0}, new int[] {g.conjugate() ? -1 : 1});
        }
    }

    record RawLink() implements ChannelRepresentation {
        public int channels() {
            return 4;
        }

        public boolean siteCentred() {
            return false;
        }

        /**
         * Output direction nu: M^-1 e_nu = sigma e_mu. sigma = +1: the link (g^-1 q, mu) lands on
         * (q, nu) unchanged. sigma = -1: the link from g^-1(q + e_nu) lands reversed on (q, nu).
         */
        public ChannelMap map(PointElement g) {
            D4 m = g.matrix();
            int cs = g.conjugate() ? -1 : 1;
            int[] src = new int[4], sign = new int[4], ot = new int[4], ox = new int[4];
            for (int nu = 0; nu < 2; nu++) {
                // row nu of M = M^T e_nu = M^-1 e_nu
                int r0 = nu == 0 ? m.m00 : m.m10, r1 = nu == 0 ? m.m01 : m.m11;
                int mu = r0 != 0 ? 0 : 1;
                int sigma = r0 != 0 ? r0 : r1;
                int offT = sigma < 0 && nu == 0 ? 1 : 0, offX = sigma < 0 && nu == 1 ? 1 : 0;
                src[nu] = mu;
                sign[nu] = sigma * cs;
                src[2 + nu] = 2 + mu;
                sign[2 + nu] = 1;
                ot[nu] = ot[2 + nu] = offT;
                ox[nu] = ox[2 + nu] = offX;
            }
            return new ChannelMap(src, sign, ot, ox);
        }
    }

    record LiftedLink() implements ChannelRepresentation {
        /** Direction vector (t, x) of the link each of the four k (or l) channels sits on, seen from the site. */
        private static final int[][] DIR = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        /** Stored value = EPS * outflow along DIR: k_t(x - t) is minus the outflow towards -t. */
        private static final int[] EPS = {1, 1, -1, -1};

        public int channels() {
            return 8;
        }

        public boolean siteCentred() {
            return true;
        }

        /** Outflow F_v at a site: F'_w(q) = c F_{M^-1 w}(g^-1 q); l moves the same way without signs. */
        public ChannelMap map(PointElement g) {
            D4 mi = g.matrix().inverse();
            int cs = g.conjugate() ? -1 : 1;
            int[] src = new int[8], sign = new int[8];
            for (int j = 0; j < 4; j++) {
                int vt = mi.mapT(DIR[j][0], DIR[j][1]), vx = mi.mapX(DIR[j][0], DIR[j][1]);
                int jp = -1;
                for (int i = 0; i < 4; i++) {
                    if (DIR[i][0] == vt && DIR[i][1] == vx) jp = i;
                }
                src[j] = jp;
                sign[j] = EPS[j] * EPS[jp] * cs;
                src[4 + j] = 4 + jp;
                sign[4 + j] = 1;
            }
            return ChannelMap.pure(src, sign);
        }
    }

    /** Regular representation of a point group: channel i is group element h_i = group.elements().get(i). */
    record Regular(PointGroup group) implements ChannelRepresentation {
        public Regular {
            if (group == null) throw new IllegalArgumentException("group = null: need a PointGroup");
        }

        public int channels() {
            return group.order();
        }

        public boolean siteCentred() {
            return true;
        }

        public ChannelMap map(PointElement g) {
            if (!group.contains(g)) {
                throw new IllegalArgumentException("element " + g + " is not in group " + group.name()
                        + ": the regular representation is defined only for its elements " + group.elements());
            }
            int n = group.order();
            int[] src = new int[n], sign = new int[n];
            PointElement gi = g.inverse();
            for (int i = 0; i < n; i++) {
                src[i] = group.indexOf(gi.compose(group.elements().get(i)));
                sign[i] = 1;
            }
            return ChannelMap.pure(src, sign);
        }
    }
}
