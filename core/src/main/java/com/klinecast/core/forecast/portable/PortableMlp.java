package com.klinecast.core.forecast.portable;

import java.util.List;

/**
 * A multi-layer perceptron over the flattened window, as exported from the training job: the window's rows laid
 * end to end (time-major: step 0's columns, then step 1's, ...), dense ReLU layers in order, then an
 * identity-activated dense output. Dropout is a training-time device and absent here.
 *
 * <p>{@code format} names this layout so a reader can refuse a file it does not understand. Like DL4J, inputs,
 * weights and sums are float32, so the two agree to float rounding.
 */
public record PortableMlp(String format, int inputFeatures, int window, List<DenseWeights> hiddenLayers,
                          DenseWeights output) implements PortableNetwork {

    public static final String FORMAT = "klinecast-mlp/1";

    public PortableMlp {
        Layout.requireFormat(FORMAT, format);
        if (window < 1 || inputFeatures < 1) {
            throw new IllegalArgumentException("window and inputFeatures must be positive: " + window + ", "
                    + inputFeatures);
        }
        hiddenLayers = List.copyOf(hiddenLayers);
        Layout.requireChain("hidden", window * inputFeatures, hiddenLayers, DenseWeights::inputSize,
                DenseWeights::outputSize, output);
    }

    public PortableMlp(int inputFeatures, int window, List<DenseWeights> hiddenLayers, DenseWeights output) {
        this(FORMAT, inputFeatures, window, hiddenLayers, output);
    }

    @Override
    public double[] forward(double[][] window) {
        Layout.requireSteps(window, this.window);
        float[] x = new float[this.window * inputFeatures];
        for (int t = 0; t < window.length; t++) {
            Layout.copyStep(window[t], inputFeatures, x, t * inputFeatures);
        }
        for (DenseWeights layer : hiddenLayers) {
            x = layer.sums(x);
            for (int j = 0; j < x.length; j++) {
                x[j] = Math.max(0f, x[j]);
            }
        }
        return output.apply(x);
    }
}
