package com.klinecast.training.volatility;

import java.util.List;

/**
 * The networks trained on a volatility target, kept small so both train in seconds on one core: a month of daily
 * variances in, one output per horizon. These are not the close model's settings (a series' defaults tune those
 * for prices); the seed is the run's.
 *
 * @param window days of variance per input window
 * @param lstmUnits units of each LSTM layer
 * @param mlpUnits units of each dense layer of the MLP
 * @param epochs most passes over the training windows; early stopping on validation MSE ends most runs sooner
 */
public record VolatilityNetworkSettings(int window, List<Integer> lstmUnits, List<Integer> mlpUnits, double dropout,
        int epochs, int batchSize, int patience, double learningRate) {

    public VolatilityNetworkSettings {
        lstmUnits = List.copyOf(lstmUnits);
        mlpUnits = List.copyOf(mlpUnits);
    }

    /**
     * One LSTM layer of 16, an MLP of one layer of 32, no dropout, batches of 64, at most 20 epochs with patience
     * 4, Adam 2e-3: large batches and a quicker step keep the LSTM's wall time down (its cost is per batch).
     */
    public static VolatilityNetworkSettings defaults() {
        return new VolatilityNetworkSettings(30, List.of(16), List.of(32), 0.0, 20, 64, 4, 2e-3);
    }

    /** The same with at most {@code n} epochs: what tests use to stay quick. */
    public VolatilityNetworkSettings withEpochs(int n) {
        return new VolatilityNetworkSettings(window, lstmUnits, mlpUnits, dropout, n, batchSize, patience,
                learningRate);
    }
}
