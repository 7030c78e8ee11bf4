package com.klinecast.core.forecast.portable;

/**
 * A dense layer: {@code weights} {@code inputSize} rows of {@code outputSize} (DL4J's {@code W}), {@code bias}
 * {@code outputSize} (DL4J's {@code b}). The output layer applies it identity-activated; an MLP's hidden layers
 * apply their activation to {@link #sums}.
 */
public record DenseWeights(int inputSize, int outputSize, float[][] weights, float[] bias) {

    public DenseWeights {
        if (inputSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("dense layer sizes must be positive: " + inputSize + " -> " + outputSize);
        }
        LstmLayerWeights.requireShape("weights", weights, inputSize, outputSize);
        LstmLayerWeights.requireLength("bias", bias, outputSize);
    }

    double[] apply(float[] in) {
        float[] sum = sums(in);
        double[] out = new double[outputSize];
        for (int o = 0; o < outputSize; o++) {
            out[o] = sum[o];
        }
        return out;
    }

    /** {@code in · W + b} in float, as DL4J computes it. */
    float[] sums(float[] in) {
        float[] sum = bias.clone();
        for (int k = 0; k < inputSize; k++) {
            float v = in[k];
            float[] row = weights[k];
            for (int o = 0; o < outputSize; o++) {
                sum[o] += v * row[o];
            }
        }
        return sum;
    }
}
