package latticeq.train;

import latticeq.symmetry.KernelProjection;
import latticeq.symmetry.Projections;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A projection acting on one parameter of one network layer: conv weights "W" [cOut][cIn][kh][kw]
 * ({@code transposed = false}), a conv bias "b" as a (cOut,1,1,1) kernel, or a dense "W" stored
 * [in, out] ({@code transposed = true}, projection shape (out, in, 1, 1)).
 */
public record ParamProjection(int layer, String param, KernelProjection projection, boolean transposed) {
    public ParamProjection {
        if (layer < 0) throw new IllegalArgumentException("layer = " + layer + ": need >= 0");
        if (param == null || param.isEmpty()) throw new IllegalArgumentException("param = " + param + ": need a key such as \"W\" or \"b\"");
        if (projection == null) throw new IllegalArgumentException("projection = null: need a KernelProjection");
    }

    /** Conv kernel "W" of the given layer. */
    public static ParamProjection kernel(int layer, KernelProjection p) {
        return new ParamProjection(layer, "W", p, false);
    }

    public String name() {
        return layer + "_" + param;
    }

    /** The parameter view inside the network (writes go to the network). */
    public INDArray view(MultiLayerNetwork net) {
        if (layer >= net.getnLayers()) {
            throw new IllegalArgumentException("layer = " + layer + ": the network has layers 0.." + (net.getnLayers() - 1));
        }
        INDArray v = net.getLayer(layer).getParam(param);
        if (v == null) throw new IllegalArgumentException("param = " + param + ": layer " + layer + " has no such parameter");
        return v;
    }

    /** Projects the array in place. */
    public void applyInPlace(INDArray values) {
        INDArray p = Projections.apply(projection, values, transposed);
        values.assign(p.reshape(values.shape()));
    }

    /**
     * Applies every map, in list order, to the network's current gradient of its parameter (from a
     * training listener's onGradientCalculation, before the updater steps).
     */
    public static void applyToGradients(MultiLayerNetwork net, java.util.List<ParamProjection> maps) {
        for (ParamProjection p : maps) {
            INDArray g = net.gradient().getGradientFor(p.name());
            if (g == null) throw new IllegalStateException("no gradient for " + p.name());
            p.applyInPlace(g);
        }
    }

    /** ||A - P A||_F of the current parameter values. */
    public double distance(MultiLayerNetwork net) {
        return Projections.distanceToSubspace(view(net), projection, transposed).absolute();
    }
}
