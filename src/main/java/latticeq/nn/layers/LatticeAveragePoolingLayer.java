package latticeq.nn.layers;

import latticeq.nn.engine.HostArrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DL4J layer of a {@link LatticeAveragePooling}. The input's values are read in their storage
 * order (NHWC when it is the NCHW view a periodic layer returns, else NCHW), averaged on the heap,
 * and the gradient, eps / (Nt Nx) at every site, is written back in NHWC storage behind an NCHW
 * view, the order the periodic layer below reads fastest.
 */
public class LatticeAveragePoolingLayer extends ParameterlessLayer<LatticeAveragePooling> {

    private transient float[] floats, gradFloats;
    private transient double[] doubles;

    public LatticeAveragePoolingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.SUBSAMPLING;
    }

    private void checkInput() {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("input rank = " + input.rank()
                    + ": LatticeAveragePooling needs [batch, channels, Nt, Nx] (rank 4)");
        }
        if (maskArray != null) {
            throw new IllegalArgumentException("mask array given: LatticeAveragePooling pools whole lattices, without masks");
        }
    }

    /** True when the [n, c, h, w] array is a view of NHWC storage (its permute to NHWC is dense). */
    private static boolean nhwcStorage(INDArray a) {
        return HostArrays.isContiguousC(a.permute(0, 2, 3, 1));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        checkInput();
        int n = (int) input.size(0), c = (int) input.size(1), sites = (int) (input.size(2) * input.size(3));
        boolean nhwc = nhwcStorage(input);
        INDArray ordered = nhwc ? input.permute(0, 2, 3, 1) : input;
        if (ordered.dataType() != dataType) ordered = ordered.castTo(dataType);
        java.util.function.IntToDoubleFunction value;
        if (dataType == DataType.FLOAT) {
            float[] f = floats = HostArrays.readFloat(ordered, floats);
            value = i -> f[i];
        } else {
            double[] d = doubles = HostArrays.readDouble(ordered, doubles);
            value = i -> d[i];
        }
        double[] sum = new double[n * c];
        if (nhwc) {
            for (int s = 0, at = 0; s < n; s++)
                for (int p = 0; p < sites; p++, at += c)
                    for (int k = 0; k < c; k++) sum[s * c + k] += value.applyAsDouble(at + k);
        } else {
            for (int sk = 0, at = 0; sk < n * c; sk++, at += sites) {
                double t = 0;
                for (int p = 0; p < sites; p++) t += value.applyAsDouble(at + p);
                sum[sk] = t;
            }
        }
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {n, c}, 'c');
        if (dataType == DataType.FLOAT) {
            float[] mean = new float[n * c];
            for (int i = 0; i < mean.length; i++) mean[i] = (float) (sum[i] / sites);
            write(mean, out);
        } else {
            for (int i = 0; i < sum.length; i++) sum[i] /= sites;
            write(sum, out);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        int n = (int) input.size(0), c = (int) input.size(1), h = (int) input.size(2), w = (int) input.size(3);
        int sites = h * w;
        if (epsilon.rank() != 2 || epsilon.size(0) != n || epsilon.size(1) != c) {
            throw new IllegalArgumentException("epsilon shape = " + java.util.Arrays.toString(epsilon.shape())
                    + ": expected [" + n + ", " + c + "]");
        }
        double[] e = HostArrays.readDouble(epsilon.castTo(DataType.DOUBLE), null);
        INDArray grad = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, new long[] {n, h, w, c}, 'c');
        int size = n * sites * c;
        if (dataType == DataType.FLOAT) {
            float[] g = gradFloats = gradFloats != null && gradFloats.length == size ? gradFloats : new float[size];
            float[] row = new float[c];
            for (int s = 0, at = 0; s < n; s++) {
                for (int k = 0; k < c; k++) row[k] = (float) (e[s * c + k] / sites);
                for (int p = 0; p < sites; p++, at += c) System.arraycopy(row, 0, g, at, c);
            }
            write(g, grad);
        } else {
            double[] g = new double[size];
            double[] row = new double[c];
            for (int s = 0, at = 0; s < n; s++) {
                for (int k = 0; k < c; k++) row[k] = e[s * c + k] / sites;
                for (int p = 0; p < sites; p++, at += c) System.arraycopy(row, 0, g, at, c);
            }
            write(g, grad);
        }
        return new Pair<>(new DefaultGradient(), grad.permute(0, 3, 1, 2));
    }

    private static void write(float[] g, INDArray dst) {
        if (HostArrays.isDenseC(dst)) HostArrays.write(g, g.length, dst, 0);
        else dst.assign(org.nd4j.linalg.factory.Nd4j.create(g, dst.shape(), 'c'));
    }

    private static void write(double[] g, INDArray dst) {
        if (HostArrays.isDenseC(dst)) HostArrays.write(g, g.length, dst, 0);
        else dst.assign(org.nd4j.linalg.factory.Nd4j.create(g, dst.shape(), 'c'));
    }
}
