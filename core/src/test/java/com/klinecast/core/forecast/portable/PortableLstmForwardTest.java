package com.klinecast.core.forecast.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forward pass by hand for a one-unit LSTM, with a distinct value in each gate block so a mix-up of DL4J's
 * block order {@code [cell candidate | forget | output | input]} changes the result. (Parity with DL4J itself is
 * tested in the training module, which has DL4J.)
 */
class PortableLstmForwardTest {

    @Test
    void oneUnitByHand() {
        // If the blocks were read in another order, the result would move by far more than the tolerance.
        // Blocks: candidate, forget, output, input. One input, one unit.
        float[] w = {0.5f, -0.25f, 0.75f, 1.5f};
        float[] rw = {-0.5f, 0.125f, 0.25f, -1.0f};
        float[] b = {0.1f, 1.0f, -0.2f, 0.3f};
        PortableLstm model = new PortableLstm(1, 2, List.of(new LstmLayerWeights(1, 1, new float[][] {w},
                new float[][] {rw}, b)), new DenseWeights(1, 1, new float[][] {{2.0f}}, new float[] {-0.5f}));

        double[] xs = {0.8, -0.3};
        double h = 0;
        double c = 0;
        for (double x : xs) {
            double candidate = Math.tanh(w[0] * x + rw[0] * h + b[0]);
            double forget = sigmoid(w[1] * x + rw[1] * h + b[1]);
            double output = sigmoid(w[2] * x + rw[2] * h + b[2]);
            double input = sigmoid(w[3] * x + rw[3] * h + b[3]);
            c = forget * c + input * candidate;
            h = output * Math.tanh(c);
        }
        double expected = 2.0 * h - 0.5;

        // The portable pass computes in float, like DL4J; this reference in double.
        assertEquals(expected, model.forward(new double[][] {{xs[0]}, {xs[1]}})[0], 1e-6);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
