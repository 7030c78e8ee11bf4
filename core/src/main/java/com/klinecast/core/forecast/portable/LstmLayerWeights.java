package com.klinecast.core.forecast.portable;

/**
 * One LSTM layer's parameters, laid out exactly as Deeplearning4j's {@code LSTM} layer holds them:
 * <ul>
 *   <li>{@code inputWeights}: {@code inputSize} rows of {@code 4·hiddenSize} (DL4J's {@code W});</li>
 *   <li>{@code recurrentWeights}: {@code hiddenSize} rows of {@code 4·hiddenSize} (DL4J's {@code RW}; the plain
 *       {@code LSTM} layer has no peephole columns, unlike {@code GravesLSTM});</li>
 *   <li>{@code bias}: {@code 4·hiddenSize} (DL4J's {@code b}).</li>
 * </ul>
 * The {@code 4·hiddenSize} columns are four blocks of {@code hiddenSize}, in DL4J's order
 * {@code [cell candidate | forget | output | input]} ({@code LSTMHelpers.activateHelper}: block 0 goes through the
 * layer activation, tanh, and is multiplied by block 3, the input gate; blocks 1-3 go through the gate activation,
 * sigmoid).
 *
 * <p>Float, as DL4J trains: the values are the trained weights exactly, JSON stays short, and the forward pass runs
 * in float like DL4J's. One array per row, because HotSpot (17) vectorises {@code z[j] += v * row[j]} over a row
 * array but not over an offset into one flat array (measured: 3-4x slower).
 */
public record LstmLayerWeights(int inputSize, int hiddenSize, float[][] inputWeights, float[][] recurrentWeights,
                               float[] bias) {

    public LstmLayerWeights {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("LSTM layer sizes must be positive: " + inputSize + " -> " + hiddenSize);
        }
        int gates = 4 * hiddenSize;
        requireShape("inputWeights", inputWeights, inputSize, gates);
        requireShape("recurrentWeights", recurrentWeights, hiddenSize, gates);
        requireLength("bias", bias, gates);
    }

    /**
     * One time step: reads input {@code x} and the previous {@code h}, {@code c}; leaves the new state in {@code h}
     * and {@code c}. {@code z} is scratch of {@code 4·hiddenSize}. The activations are evaluated in double on the
     * float pre-activations; tanh as {@code 1 - 2/(e^2x + 1)}, the same function within 1e-16 and four times
     * cheaper than {@link Math#tanh} (transcendentals are about half the cost of a forward pass).
     */
    void step(float[] x, float[] h, float[] c, float[] z) {
        int n = hiddenSize;
        System.arraycopy(bias, 0, z, 0, 4 * n);
        accumulate(x, inputWeights, z);
        accumulate(h, recurrentWeights, z); // h is still the previous step's here
        for (int j = 0; j < n; j++) {
            double candidate = tanh(z[j]);
            double forget = sigmoid(z[n + j]);
            double output = sigmoid(z[2 * n + j]);
            double input = sigmoid(z[3 * n + j]);
            float cell = (float) (forget * c[j] + input * candidate);
            c[j] = cell;
            h[j] = (float) (output * tanh(cell));
        }
    }

    private static void accumulate(float[] v, float[][] rows, float[] z) {
        for (int k = 0; k < rows.length; k++) {
            float vk = v[k];
            float[] row = rows[k];
            for (int j = 0; j < row.length; j++) {
                z[j] += vk * row[j];
            }
        }
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }

    static void requireShape(String name, float[][] rows, int expectedRows, int expectedColumns) {
        if (rows == null || rows.length != expectedRows) {
            throw new IllegalArgumentException(name + " must have " + expectedRows + " rows, got "
                    + (rows == null ? "none" : rows.length));
        }
        for (float[] row : rows) {
            requireLength(name + " row", row, expectedColumns);
        }
    }

    static void requireLength(String name, float[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(name + " must hold " + expected + " values, got "
                    + (values == null ? "none" : values.length));
        }
    }
}
