package com.klinecast.core.volatility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.forecast.portable.DenseWeights;
import com.klinecast.core.forecast.portable.PortableMlp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A network's volatility forecast worked by hand, and its trip through a manifest's JSON. */
class NetworkVarianceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Two days in, one ReLU unit summing them, two outputs: 0.5 × hidden and 0.25 × hidden + 0.1.
    private static final PortableMlp MLP = new PortableMlp(1, 2,
            List.of(new DenseWeights(2, 1, new float[][] {{1f}, {1f}}, new float[] {0f})),
            new DenseWeights(1, 2, new float[][] {{0.5f, 0.25f}}, new float[] {0f, 0.1f}));
    // Log scale, centre −8, spread 2.
    private static final NetworkVariance MODEL = new NetworkVariance("mlp", 2, new VarianceScaling(true, -8, 2),
            new double[] {1.1, 0.9}, MLP);

    @Test
    void scaledInThenOutThenCorrected() {
        // Variances e^-8, e^-6 scale to 0 and 1; the hidden unit is 1; the outputs 0.5 and 0.35 become
        // exp(0.5 × 2 − 8) = e^-7 and exp(0.35 × 2 − 8) = e^-7.3, times 1.1 and 0.9.
        double[] variance = {1, Math.exp(-8), Math.exp(-6)};
        double[] forecast = MODEL.forecast(variance, 2, 2);
        assertEquals(1.1 * Math.exp(-7), forecast[0], 1e-9 * forecast[0]);
        assertEquals(0.9 * Math.exp(-7.3), forecast[1], 1e-7 * forecast[1]);
        assertEquals(1, MODEL.forecast(variance, 2, 1).length);
        assertEquals("mlp", MODEL.family());
        assertEquals(2, MODEL.history());
    }

    @Test
    void theManifestsJsonGivesBackTheSameForecasts() throws Exception {
        JsonNode stored = JSON.readTree(JSON.writeValueAsString(JSON.valueToTree((VolatilityModel) MODEL)));
        assertEquals("network", stored.path("kind").asText());
        VolatilityModel read = JSON.treeToValue(stored, VolatilityModel.class);
        double[] variance = {0.0004, 0.0009, 0.0016, 0.0001};
        assertArrayEquals(MODEL.forecast(variance, 3, 2), read.forecast(variance, 3, 2), 0);
    }

    @Test
    void aLevelScaleForecastIsNeverBelowTheFloor() {
        NetworkVariance level = new NetworkVariance("mlp", 2, new VarianceScaling(false, 0.0, 0.001),
                new double[] {1, 1}, new PortableMlp(1, 2,
                        List.of(new DenseWeights(2, 1, new float[][] {{1f}, {1f}}, new float[] {0f})),
                        new DenseWeights(1, 2, new float[][] {{-5f, -5f}}, new float[] {0f, 0f})));
        for (double v : level.forecast(new double[] {0.001, 0.002}, 1, 2)) {
            assertEquals(VarianceProxy.FLOOR, v);
        }
    }

    @Test
    void refusesHorizonsBeyondItsOutputsAndMismatchedShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MODEL.forecast(new double[] {1, 1, 1}, 2, 3));
        assertTrue(e.getMessage().contains("at most 2 days"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NetworkVariance("mlp", 3,
                new VarianceScaling(true, 0, 1), new double[] {1, 1}, MLP));
        assertThrows(IllegalArgumentException.class, () -> new NetworkVariance("mlp", 2,
                new VarianceScaling(true, 0, 1), new double[] {1}, MLP));
    }
}
