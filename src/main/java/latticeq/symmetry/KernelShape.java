package latticeq.symmetry;

/**
 * Shape of a 2D convolution kernel stored row-major as DL4J stores convolution weights:
 * [cOut][cIn][kh][kw], kh along time (direction 0), kw along space (direction 1).
 */
public record KernelShape(int cOut, int cIn, int kh, int kw) {
    public KernelShape {
        if (cOut < 1) throw new IllegalArgumentException("cOut = " + cOut + ": need cOut >= 1");
        if (cIn < 1) throw new IllegalArgumentException("cIn = " + cIn + ": need cIn >= 1");
        if (kh < 1) throw new IllegalArgumentException("kh = " + kh + ": need kh >= 1");
        if (kw < 1) throw new IllegalArgumentException("kw = " + kw + ": need kw >= 1");
    }

    public int size() {
        return cOut * cIn * kh * kw;
    }

    public int index(int o, int i, int a, int b) {
        return ((o * cIn + i) * kh + a) * kw + b;
    }
}
