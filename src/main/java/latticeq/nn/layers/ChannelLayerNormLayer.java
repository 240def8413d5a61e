package latticeq.nn.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J layer of a {@link ChannelLayerNorm}, computed on the heap in double precision per
 * (sample, channel) row of H x W sites. Backward pass: with y the output and s = sqrt(var + eps),
 * dx = (dy - mean(dy) - y mean(dy y)) / s over the row.
 */
public class ChannelLayerNormLayer extends ParameterlessLayer<ChannelLayerNorm> {

    public ChannelLayerNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.NORMALIZATION;
    }

    private double eps() {
        return ((ChannelLayerNorm) conf.getLayer()).getEps();
    }

    private void checkInput() {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("input rank = " + input.rank() + ": ChannelLayerNorm needs [batch, channels, H, W] (rank 4)");
        }
        if (maskArray != null) throw new IllegalArgumentException("mask array given: ChannelLayerNorm takes no masks");
    }

    /** Normalised rows and, per row, 1 / sqrt(var + eps). */
    private double[][] normalise(double[] x, int rows, int sites) {
        double[] inv = new double[rows];
        double eps = eps();
        for (int r = 0, at = 0; r < rows; r++, at += sites) {
            double m = 0;
            for (int p = 0; p < sites; p++) m += x[at + p];
            m /= sites;
            double v = 0;
            for (int p = 0; p < sites; p++) {
                double d = x[at + p] - m;
                v += d * d;
            }
            v /= sites;
            double s = 1 / Math.sqrt(v + eps);
            inv[r] = s;
            for (int p = 0; p < sites; p++) x[at + p] = (x[at + p] - m) * s;
        }
        return new double[][] {x, inv};
    }

    private double[] read(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        checkInput();
        long[] shape = input.shape();
        int rows = (int) (shape[0] * shape[1]), sites = (int) (shape[2] * shape[3]);
        double[] y = normalise(read(input), rows, sites)[0];
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c');
        out.assign(Nd4j.create(y, shape, DataType.DOUBLE).castTo(dataType));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        long[] shape = input.shape();
        if (!java.util.Arrays.equals(epsilon.shape(), shape)) {
            throw new IllegalArgumentException("epsilon shape = " + java.util.Arrays.toString(epsilon.shape()) + ": expected "
                    + java.util.Arrays.toString(shape));
        }
        int rows = (int) (shape[0] * shape[1]), sites = (int) (shape[2] * shape[3]);
        double[][] yi = normalise(read(input), rows, sites);
        double[] y = yi[0], inv = yi[1], dy = read(epsilon);
        for (int r = 0, at = 0; r < rows; r++, at += sites) {
            double md = 0, mdy = 0;
            for (int p = 0; p < sites; p++) {
                md += dy[at + p];
                mdy += dy[at + p] * y[at + p];
            }
            md /= sites;
            mdy /= sites;
            for (int p = 0; p < sites; p++) dy[at + p] = (dy[at + p] - md - y[at + p] * mdy) * inv[r];
        }
        INDArray grad = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, shape, 'c');
        grad.assign(Nd4j.create(dy, shape, DataType.DOUBLE).castTo(dataType));
        return new Pair<>(new DefaultGradient(), grad);
    }
}
