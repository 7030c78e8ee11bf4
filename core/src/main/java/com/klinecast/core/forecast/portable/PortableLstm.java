package com.klinecast.core.forecast.portable;

import java.util.List;

/**
 * A stacked LSTM with a dense output, as exported from the training job: LSTM layers in order (each returning its
 * whole sequence to the next, the last read at its final time step only), then an identity-activated dense layer.
 * Dropout is a training-time device and absent here. Cell activation is tanh and gates are sigmoid, as the training
 * job configures them.
 *
 * <p>{@code format} names this layout so a reader can refuse a file it does not understand.
 */
public record PortableLstm(String format, int inputFeatures, int window, List<LstmLayerWeights> lstmLayers,
                           DenseWeights output) implements PortableNetwork {

    public static final String FORMAT = "klinecast-lstm/1";

    public PortableLstm {
        Layout.requireFormat(FORMAT, format);
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        lstmLayers = List.copyOf(lstmLayers);
        Layout.requireChain("LSTM", inputFeatures, lstmLayers, LstmLayerWeights::inputSize,
                LstmLayerWeights::hiddenSize, output);
    }

    public PortableLstm(int inputFeatures, int window, List<LstmLayerWeights> lstmLayers, DenseWeights output) {
        this(FORMAT, inputFeatures, window, lstmLayers, output);
    }

    /**
     * The network's outputs for one window: {@code window} rows (oldest first) of {@code inputFeatures} values.
     * The state starts at zero for each call, as in DL4J's {@code output()}. Time step by time step through all
     * layers, so only one step of state per layer is held (a few hundred floats per call, no sequences).
     * Like DL4J, inputs, weights, sums and state are float32, so the two agree to float rounding (about 1e-7).
     */
    @Override
    public double[] forward(double[][] window) {
        Layout.requireSteps(window, this.window);
        int layers = lstmLayers.size();
        float[][] h = new float[layers][];
        float[][] c = new float[layers][];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            int n = lstmLayers.get(l).hiddenSize();
            h[l] = new float[n];
            c[l] = new float[n];
            widest = Math.max(widest, n);
        }
        float[] z = new float[4 * widest];
        float[] x = new float[inputFeatures];
        for (double[] step : window) {
            Layout.copyStep(step, inputFeatures, x, 0);
            float[] in = x;
            for (int l = 0; l < layers; l++) {
                lstmLayers.get(l).step(in, h[l], c[l], z);
                in = h[l];
            }
        }
        return output.apply(h[layers - 1]);
    }
}
