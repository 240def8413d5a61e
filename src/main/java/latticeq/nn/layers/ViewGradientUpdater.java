package latticeq.nn.layers;

import java.util.List;
import java.util.Map;
import latticeq.nn.engine.HostArrays;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link MultiLayerUpdater} without a detour DL4J 1.0.0-M2.1 takes on every step. Its
 * {@code DefaultGradient.gradient()} returns a reshaped view of the network's flattened gradient, a
 * new object, so the updater's identity check ({@code gradient.gradient() != flattened view}) takes
 * every gradient for an "external" one (computed in another network) and rebuilds views of each
 * parameter and gradient array twice per step, plus the minibatch-division subsets: dozens of
 * small native allocations per step (profile in docs/benchmarks-history.md, fifth pass). Here a gradient that lies in
 * the network's own flattened gradient is handed to the base class as that very view, so the
 * standard path runs; the arithmetic is the same (tested bit for bit against the stock updater).
 * {@link NetworkBuilder} and {@link LatticeModel#load} install it ({@link #install}).
 */
public final class ViewGradientUpdater extends MultiLayerUpdater {

    private ViewGradientUpdater(MultiLayerNetwork network, INDArray state) {
        super(network, state);
    }

    /** Replaces the network's updater with this one, keeping the updater state (e.g. Adam's moments) it has. */
    public static void install(MultiLayerNetwork network) {
        if (network.getUpdater() instanceof ViewGradientUpdater) return;
        if (network.getGradientsViewArray() == null) network.initGradientsView();
        network.setUpdater(new ViewGradientUpdater(network, network.getUpdater().getStateViewArray()));
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize, LayerWorkspaceMgr mgr) {
        INDArray view = getFlattenedGradientsView();
        INDArray flat = gradient.gradient();
        boolean ownGradient = view != null && flat != view && flat.length() == view.length()
                && HostArrays.isContiguousC(flat) && HostArrays.isContiguousC(view)
                && HostArrays.address(flat) == HostArrays.address(view);
        super.update(ownGradient ? new InView(gradient, view) : gradient, iteration, epoch, batchSize, mgr);
    }

    /** The same gradient, whose flattened form is the network's gradient view itself. */
    private record InView(Gradient of, INDArray view) implements Gradient {
        @Override public Map<String, INDArray> gradientForVariable() { return of.gradientForVariable(); }
        @Override public INDArray gradient(List<String> order) { return of.gradient(order); }
        @Override public INDArray gradient() { return view; }
        @Override public void clear() { of.clear(); }
        @Override public INDArray getGradientFor(String variable) { return of.getGradientFor(variable); }
        @Override public INDArray setGradientFor(String variable, INDArray g) { return of.setGradientFor(variable, g); }
        @Override public INDArray setGradientFor(String variable, INDArray g, Character order) {
            return of.setGradientFor(variable, g, order);
        }
        @Override public Character flatteningOrderForVariable(String variable) { return of.flatteningOrderForVariable(variable); }
    }
}
