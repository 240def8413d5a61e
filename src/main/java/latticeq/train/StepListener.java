package latticeq.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Called after every optimizer step (for distance curves against steps); keep it cheap. */
@FunctionalInterface
public interface StepListener {
    /**
     * @param step  1-based step number over the whole run
     * @param epoch 1-based epoch
     * @param net   the network after the update (do not modify)
     * @param loss  the batch loss before the update
     */
    void onStep(long step, int epoch, MultiLayerNetwork net, double loss);
}
