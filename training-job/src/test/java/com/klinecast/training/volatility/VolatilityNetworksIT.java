package com.klinecast.training.volatility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.testing.LocalS3;
import com.klinecast.core.volatility.NetworkVariance;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A volatility run with the networks (a few epochs) on BTCUSDT 1d with its 1h candles in the table: HAR, the LSTM
 * and the MLP published under the volatility keys, days covered by 24 hours measured from them and said so in
 * the manifest, and each network version forecasting, from its manifest alone, exactly what its backtest
 * evaluated.
 */
class VolatilityNetworksIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    private static final TrainingConfig VOLATILITY = TrainingConfigs.load(null, Map.of("target", "volatility"));

    @Test
    void harAndBothNetworksArePublishedAndServeWhatWasEvaluated() {
        DynamoDbClient ddb = LocalDynamo.client();
        S3Client s3 = LocalS3.client();
        FeatureTable table = new FeatureTable(ddb, LocalDynamo.newTable(ddb), BatchWriter.withDefaults(ddb));
        S3ModelRegistry registry = new S3ModelRegistry(s3, LocalS3.newBucket(s3));
        List<Candle> days = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE);
        List<Candle> hours = CsvCandles.read("binance-BTCUSDT-1h.csv", Integer.MAX_VALUE);
        table.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), days));
        table.write(BTC_1H, FeatureRows.of(BTC_1H, List.of(), hours));
        VolatilityNetworks networks = new VolatilityNetworks(VolatilityNetworkSettings.defaults().withEpochs(3),
                System.out::println);

        VolatilityOutcome outcome = new VolatilityJob(table, registry, networks, System.out::println)
                .run(BTC_1D, VOLATILITY, null);

        assertEquals(List.of("naive", "mean30", "har", "lstm", "mlp"), outcome.published().stream()
                .map(VolatilityOutcome.Published::family).toList());
        ModelRegistry volatility = registry.forTarget(Target.VOLATILITY);
        assertEquals(List.of(1, 2, 3, 4, 5), volatility.list(BTC_1D));
        assertEquals(List.of(), registry.list(BTC_1D), "no close version");
        assertEquals(List.of(), registry.forTarget(Target.VOLUME).list(BTC_1D), "no volume version");

        List<Bar> bars = days.stream().map(Bar::of).toList();
        List<Bar> hourly = hours.stream().map(Bar::of).toList();
        for (int k = 3; k <= 4; k++) {
            VolatilityCandidate fitted = outcome.candidates().get(k);
            ModelManifest manifest = volatility.manifest(BTC_1D, k + 1).orElseThrow();
            assertEquals("1h", manifest.config().path("realized").asText(), manifest.config().toString());
            JsonNode realized = manifest.features().path("realizedDays");
            assertTrue(realized.path("days").asInt() > 300, realized.toString());
            assertEquals("2019-12-11T00:00:00Z", realized.path("first").asText());
            assertEquals("network", manifest.scaler().path("kind").asText());
            assertTrue(manifest.metrics().path("training").path("epochsRun").asInt() <= 3);
            assertTrue(manifest.metrics().path("validation").path("scale").isTextual());
            assertEquals("QLIKE", manifest.metrics().path("promotion").path("loss").asText());

            PublishedVolatility published = PublishedVolatility.of(manifest);
            assertTrue(published.model() instanceof NetworkVariance);
            assertTrue(published.realized());
            int origin = fitted.onTest().origins()[5];
            assertArrayEquals(fitted.onTest().means()[5], published.forecast(bars.subList(0, origin + 1), hourly,
                    30), 0, published.model().family());
        }
    }
}
