package com.klinecast.training.model;

import java.util.List;

/**
 * The shape and training hyper-parameters of a forecasting LSTM.
 *
 * @param inputFeatures columns per time step (5 for open, high, low, close, volume)
 * @param window        time steps per input window
 * @param hiddenUnits   units of each stacked LSTM layer, in order (reference design: 50, 50)
 * @param dropout       fraction of activations dropped between LSTM layers while training (Keras's meaning;
 *                      DL4J's own parameter is the retain probability, see {@link LstmNetworks})
 * @param outputs       values predicted per window: 1 for the next step, H for a direct H-step forecast
 * @param learningRate  Adam's step size
 * @param seed          seeds weight initialisation, dropout masks and shuffling
 */
public record LstmSpec(int inputFeatures, int window, List<Integer> hiddenUnits, double dropout, int outputs,
                       double learningRate, long seed) {

    public static final List<Integer> DEFAULT_HIDDEN_UNITS = List.of(50, 50);
    public static final double DEFAULT_DROPOUT = 0.2;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    public LstmSpec {
        hiddenUnits = List.copyOf(hiddenUnits);
        if (inputFeatures < 1 || window < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputFeatures, window and outputs must be positive");
        }
        if (hiddenUnits.isEmpty() || hiddenUnits.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("hiddenUnits needs at least one positive layer size: " + hiddenUnits);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive: " + learningRate);
        }
    }

    /** The reference design (two LSTM layers of 50, dropout 0.2, Adam 1e-3) for the given data shape. */
    public static LstmSpec reference(int inputFeatures, int window, int outputs, long seed) {
        return new LstmSpec(inputFeatures, window, DEFAULT_HIDDEN_UNITS, DEFAULT_DROPOUT, outputs,
                DEFAULT_LEARNING_RATE, seed);
    }

    public LstmSpec withHiddenUnits(List<Integer> units) {
        return new LstmSpec(inputFeatures, window, units, dropout, outputs, learningRate, seed);
    }

    public LstmSpec withSeed(long newSeed) {
        return new LstmSpec(inputFeatures, window, hiddenUnits, dropout, outputs, learningRate, newSeed);
    }
}
