package com.klinecast.core.forecast.portable;

import com.klinecast.core.forecast.StepModel;

/**
 * A trained network as plain numbers with its forward pass in plain Java: what the predictor runs. One window
 * ({@code window} rows of {@code inputFeatures} scaled values, oldest first) in, the scaled outputs out.
 */
public sealed interface PortableNetwork extends StepModel permits PortableLstm, PortableMlp {

    /** The layout's name, e.g. {@code klinecast-lstm/1}; a reader refuses a file of another layout. */
    String format();

    int inputFeatures();

    int window();

    /** The identity-activated dense layer every network ends with. */
    DenseWeights output();

    /** Number of values {@link #forward} returns. */
    default int outputs() {
        return output().outputSize();
    }

    double[] forward(double[][] window);

    @Override
    default double[] predict(double[][] window) {
        return forward(window);
    }
}
