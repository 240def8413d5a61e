package latticeq.nn.engine;

import java.util.stream.IntStream;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major gemm on raw ND4J memory through OpenBLAS's CBLAS (the library ND4J itself calls), with
 * element offsets and leading dimensions, so that strided sub-matrices of one buffer (the shifted
 * copies of {@link ShiftedCopies}) are used in place; and the Java-side parallelism of the BLAS
 * paths, which split their gemms over the batch rather than let OpenBLAS thread each small call.
 * Thread-safe: every call makes its own pointers.
 */
final class Gemm {
    private Gemm() {}

    /** Java threads the BLAS paths split a batch over (the common fork-join pool plus the caller). */
    static final int PARALLELISM = Integer.getInteger("latticeq.conv.threads", Runtime.getRuntime().availableProcessors());

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

    /** Column ranges for one gemm: one per thread, none narrower than 2048 columns; one when OpenBLAS threads itself. */
    static int parts(int columns) {
        // a multi-threaded OpenBLAS parallelises each gemm itself; splitting as well would oversubscribe
        if (openblas_nolapack.blas_get_num_threads() > 1) return 1;
        return Math.max(1, Math.min(PARALLELISM, columns / 2048));
    }

    /** Runs body(index, first column, column count) over {@code parts} ranges of [0, columns), in parallel. */
    static void forEachRange(int columns, int parts, RangeBody body) {
        if (parts == 1) body.run(0, 0, columns);
        else IntStream.range(0, parts).parallel().forEach(i -> {
            int p0 = (int) ((long) i * columns / parts), p1 = (int) ((long) (i + 1) * columns / parts);
            body.run(i, p0, p1 - p0);
        });
    }

    interface RangeBody {
        void run(int index, int p0, int len);
    }
}
