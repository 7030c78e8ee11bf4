package com.klinecast.core.published;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.Forecaster.Mode;
import com.klinecast.core.forecast.GlobalMinMax;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.portable.DenseWeights;
import com.klinecast.core.forecast.portable.LstmLayerWeights;
import com.klinecast.core.forecast.portable.PortableJson;
import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableMlp;
import com.klinecast.core.registry.LoadedModel;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forecast mode and the network kind come from the manifest's config, the target from its scaler; versions
 * from before those fields forecast recursively, with an LSTM, the close.
 */
class PublishedModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A network whose dense layer ignores the LSTM (zero weights) and outputs its biases 0.65, 0.7, 0.8: on a 0..100
     * close scale, direct reads 65, 70, 80; recursion reads the first output at every step, 65, 65, 65.
     */
    private static final PortableLstm CONSTANT = new PortableLstm(1, 2,
            List.of(new LstmLayerWeights(1, 1, new float[][] {{1, 1, 1, 1}}, new float[][] {{1, 1, 1, 1}},
                    new float[] {0, 0, 0, 0})),
            new DenseWeights(1, 3, new float[][] {{0, 0, 0}}, new float[] {0.65f, 0.7f, 0.8f}));

    @Test
    void aManifestSayingDirectGivesADirectForecaster() {
        PublishedModel model = PublishedModel.of(loaded(JSON.createObjectNode().put("forecast", "direct")));

        assertEquals(Mode.DIRECT, model.forecaster().mode());
        assertArrayEquals(new double[] {65, 70, 80}, model.forecaster().forecast(history(), 3), 1e-4);
    }

    @Test
    void aManifestWithoutTheFieldIsRecursive() {
        PublishedModel model = PublishedModel.of(loaded(JSON.createObjectNode().put("scaling", "global_minmax")));

        assertEquals(Mode.RECURSIVE, model.forecaster().mode());
        assertArrayEquals(new double[] {65, 65, 65}, model.forecaster().forecast(history(), 3), 1e-4);
    }

    /** The MLP counterpart of {@link #CONSTANT}: zero weights, biases 0.65, 0.7, 0.8 through ReLU and identity. */
    private static final PortableMlp CONSTANT_MLP = new PortableMlp(1, 2,
            List.of(new DenseWeights(2, 1, new float[][] {{0}, {0}}, new float[] {1})),
            new DenseWeights(1, 3, new float[][] {{0, 0, 0}}, new float[] {0.65f, 0.7f, 0.8f}));

    @Test
    void aManifestSayingMlpRunsThePortableMlp() {
        PublishedModel model = PublishedModel.of(loaded(JSON.createObjectNode().put("forecast", "direct")
                .put("model", "mlp"), PortableJson.toBytes(CONSTANT_MLP), closeScaling()));

        assertArrayEquals(new double[] {65, 70, 80}, model.forecaster().forecast(history(), 3), 1e-4);
        assertEquals(Target.CLOSE, model.forecaster().target());
    }

    @Test
    void weightsOfAnotherKindThanTheManifestSaysAreRefused() {
        assertThrows(RuntimeException.class, () -> PublishedModel.of(loaded(JSON.createObjectNode()
                .put("model", "mlp"), PortableJson.toBytes(CONSTANT), closeScaling())));
        assertThrows(RuntimeException.class, () -> PublishedModel.of(loaded(JSON.createObjectNode(),
                PortableJson.toBytes(CONSTANT_MLP), closeScaling())));
    }

    @Test
    void aVolumeScalerForecastsTheVolumeRollingFlatCandlesAtTheLastClose() {
        Scaling volume = new GlobalMinMax(List.of(Column.VOLUME), new double[] {0}, new double[] {1000},
                Target.VOLUME);
        PublishedModel model = PublishedModel.of(loaded(JSON.createObjectNode().put("model", "mlp"),
                PortableJson.toBytes(CONSTANT_MLP), volume));

        assertEquals(Target.VOLUME, model.forecaster().target());
        assertArrayEquals(new double[] {650, 650, 650}, model.forecaster().forecast(history(), 3), 1e-3);
    }

    private static LoadedModel loaded(JsonNode config) {
        return loaded(config, PortableJson.toBytes(CONSTANT), closeScaling());
    }

    @Test
    void aScalerStoredBeforeTargetsExistedReadsAsTheClose() throws Exception {
        Scaling old = JSON.treeToValue(PublishedModel.scalerWithTarget(JSON.readTree("{\"kind\":\"log_return\","
                + "\"columns\":[\"CLOSE\"],\"mean\":[0,0.01],\"std\":[1,0.1]}")), Scaling.class);
        assertEquals(Target.CLOSE, old.target());
    }

    private static Scaling closeScaling() {
        return new GlobalMinMax(List.of(Column.CLOSE), new double[] {0}, new double[] {100}, Target.CLOSE);
    }

    private static LoadedModel loaded(JsonNode config, byte[] weights, Scaling scaling) {
        ModelManifest manifest = new ModelManifest(Series.of("BTCUSDT", "1d"), 1,
                Instant.parse("2025-07-01T00:00:00Z"),
                Map.of("weights.json", new ModelManifest.Artifact("0".repeat(64), weights.length)), 1.0,
                TestWindow.parse("2025-01-01T00:00:00Z", "2025-06-30T00:00:00Z"), config,
                JSON.valueToTree(Map.of("window", 2)), JSON.valueToTree(scaling),
                JSON.valueToTree(Map.of("trainTo", "2024-06-30T00:00:00Z")), null, null, null);
        return new LoadedModel(manifest, Map.of("weights.json", weights));
    }

    private static List<Bar> history() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bars.add(new Bar(i * 86_400_000L, 50, 50, 50, 50, 1));
        }
        return bars;
    }
}
