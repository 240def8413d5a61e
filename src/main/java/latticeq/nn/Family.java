package latticeq.nn;

/** The three network families of the translation-equivariance paper. */
public enum Family {
    /** Periodic stride-1 convolutions, global average pooling, dense head: translation invariant, any lattice size. */
    EQ,
    /** Periodic strided convolutions, global average pooling, dense head: any lattice size, not invariant. */
    ST,
    /** Periodic stride-1 convolutions, flatten, dense head: bound to one lattice size, not invariant. */
    FL
}
