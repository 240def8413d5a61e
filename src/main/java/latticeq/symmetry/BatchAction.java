package latticeq.symmetry;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How a lattice symmetry acts on a batch of network inputs or outputs. */
@FunctionalInterface
public interface BatchAction {

    INDArray apply(LatticeSymmetry g, INDArray batch);

    /** NCHW fields of the given type on g's lattice. */
    static BatchAction field(FieldType type) {
        return (g, batch) -> FieldAction.of(type, g).apply(batch);
    }

    /** Target rows [N, d] transformed by a {@link TargetAction}. */
    static BatchAction targets(TargetAction action) {
        return (g, batch) -> action.apply(g, batch);
    }

    /** Outputs that must not change (invariant maps). */
    static BatchAction invariant() {
        return (g, batch) -> batch;
    }
}
