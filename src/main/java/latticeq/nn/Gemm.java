package latticeq.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major gemm on raw ND4J memory through OpenBLAS's CBLAS (the library ND4J itself calls), with
 * element offsets and leading dimensions, so that strided sub-matrices of one buffer (the shifted
 * copies of {@link ShiftedCopies}) are used in place. Thread-safe: every call makes its own pointers.
 */
final class Gemm {
    private Gemm() {}

    /**
     * C[m x nCols] = beta*C + A[m x k] * op(B), where B is stored [k x nCols] or, with transB,
     * [nCols x k]; all row-major with the given leading dimensions and element offsets.
     */
    static void rowMajor(boolean dbl, boolean transB, int m, int nCols, int k, Pointer a, long aOff, int lda,
            Pointer b, long bOff, int ldb, double beta, Pointer c, long cOff, int ldc) {
        int tb = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (dbl) {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, tb,
                    m, nCols, k, 1.0, new DoublePointer(a).position(aOff), lda, new DoublePointer(b).position(bOff), ldb,
                    beta, new DoublePointer(c).position(cOff), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, tb,
                    m, nCols, k, 1f, new FloatPointer(a).position(aOff), lda, new FloatPointer(b).position(bOff), ldb,
                    (float) beta, new FloatPointer(c).position(cOff), ldc);
        }
    }
}
