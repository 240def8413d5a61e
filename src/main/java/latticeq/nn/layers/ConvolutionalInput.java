package latticeq.nn.layers;

import org.deeplearning4j.nn.conf.inputs.InputType;

/** The input-type check shared by the lattice layers' configurations. */
final class ConvolutionalInput {
    private ConvolutionalInput() {}

    /** The convolutional input type, or an exception naming the layer and what it needs. */
    static InputType.InputTypeConvolutional of(InputType inputType, String layer) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalArgumentException("inputType = " + inputType + ": " + layer
                    + " needs a convolutional input type (channels, height, width)");
        }
        return c;
    }
}
