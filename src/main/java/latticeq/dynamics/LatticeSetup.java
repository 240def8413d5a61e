package latticeq.dynamics;

import java.util.List;
import latticeq.symmetry.LatticeGroup;
import latticeq.symmetry.LatticeGroups;
import latticeq.symmetry.PointGroup;

/**
 * The lattice part shared by the invariance and stability experiments: an L x L lattice at
 * mu = 0 with |phi|^2 as target, the point group (C4 or D4), and the network widths.
 *
 * @param side                L (>= 3)
 * @param samples             configurations (one full batch)
 * @param group               C4 or D4
 * @param convCopies          regular copies per conv layer
 * @param denseCopies         regular copies per hidden dense layer
 * @param thermSweeps         worm-sampler sweeps discarded first
 * @param decorrelationSweeps sweeps between saved configurations
 * @param dataSeed            seed of the sampler
 */
public record LatticeSetup(int side, int samples, PointGroup group, List<Integer> convCopies, List<Integer> denseCopies,
                           int thermSweeps, int decorrelationSweeps, long dataSeed) {
    public LatticeSetup {
        if (side < 3) throw new IllegalArgumentException("side = " + side + ": need >= 3");
        if (samples < 2) throw new IllegalArgumentException("samples = " + samples + ": need >= 2");
        if (group == null || !(group.equals(PointGroup.c4()) || group.equals(PointGroup.d4()))) {
            throw new IllegalArgumentException("group = " + group + ": need C4 or D4");
        }
        convCopies = List.copyOf(convCopies);
        denseCopies = List.copyOf(denseCopies);
        if (thermSweeps < 0) throw new IllegalArgumentException("thermSweeps = " + thermSweeps + ": need >= 0");
        if (decorrelationSweeps < 1) throw new IllegalArgumentException("decorrelationSweeps = " + decorrelationSweeps + ": need >= 1");
        SymmetricArchitecture.linkRegression(group, convCopies, denseCopies); // validates the widths
    }

    public SymmetricArchitecture architecture() {
        return SymmetricArchitecture.linkRegression(group, convCopies, denseCopies);
    }

    public LatticeGroup latticeGroup(latticeq.lattice.Lattice lattice) {
        return LatticeGroups.of(lattice, group);
    }

    public RegressionData data(latticeq.progress.ProgressListener progress) {
        return RegressionData.phi2AtZeroMu(side, samples, thermSweeps, decorrelationSweeps, dataSeed, progress);
    }
}
