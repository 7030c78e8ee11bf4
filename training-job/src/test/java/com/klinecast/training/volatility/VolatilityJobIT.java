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
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A volatility run end to end on BTCUSDT's daily candles: its own versions and champion, evidence on QLIKE. */
class VolatilityJobIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final TrainingConfig VOLATILITY = TrainingConfigs.load(null, Map.of("target", "volatility"));

    @Test
    void naiveIsTheFirstChampionAndMean30AndHarAreJudgedAgainstItOnQlike() {
        DynamoDbClient ddb = LocalDynamo.client();
        S3Client s3 = LocalS3.client();
        FeatureTable table = new FeatureTable(ddb, LocalDynamo.newTable(ddb), BatchWriter.withDefaults(ddb));
        S3ModelRegistry registry = new S3ModelRegistry(s3, LocalS3.newBucket(s3));
        List<Candle> all = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE);
        table.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), all));
        VolatilityJob job = new VolatilityJob(table, registry, VolatilityNetworks.NONE, s -> { });

        VolatilityOutcome first = job.run(BTC_1D, VOLATILITY, null);
        VolatilityOutcome second = job.run(BTC_1D, VOLATILITY, null);

        ModelRegistry volatility = registry.forTarget(Target.VOLATILITY);
        assertEquals(List.of(1, 2, 3, 4, 5), volatility.list(BTC_1D), "naive is published once");
        assertEquals(List.of(), registry.list(BTC_1D), "no close version");
        assertEquals(List.of(), registry.forTarget(Target.VOLUME).list(BTC_1D), "no volume version");
        assertEquals(List.of("naive", "mean30", "har"), first.published().stream()
                .map(VolatilityOutcome.Published::family).toList());
        assertEquals(List.of("mean30", "har"), second.published().stream()
                .map(VolatilityOutcome.Published::family).toList());
        ModelManifest har = volatility.manifest(BTC_1D, 3).orElseThrow();
        assertEquals("volatility", har.config().path("target").asText());
        assertEquals("parkinson", har.config().path("variance").asText());
        assertTrue(har.artifacts().isEmpty());
        assertTrue(har.metrics().path("validation").path("scale").isTextual(), har.metrics().toString());
        JsonNode h1 = har.metrics().path("test").path("horizons").get(0);
        for (String field : List.of("qlike", "mse", "qlikeRatio", "mseRatio", "dmPValue")) {
            assertTrue(h1.path(field).isNumber(), field + " in " + h1);
        }
        JsonNode evidence = har.metrics().path("promotion").path("horizons");
        assertEquals(3, evidence.size(), "judged at 1, 7 and 30 days: " + har.metrics());
        assertEquals("QLIKE", har.metrics().path("promotion").path("loss").asText());
        assertTrue(first.published().get(2).decision().reason().contains("QLIKE ratio"),
                first.published().get(2).decision().reason());
        assertTrue(volatility.champion(BTC_1D).isPresent());

        // The published model forecasts what the backtest evaluated, from the manifest alone.
        PublishedVolatility published = PublishedVolatility.of(har);
        VolatilityCandidate fitted = first.candidates().get(2);
        List<Bar> bars = all.stream().map(Bar::of).toList();
        int origin = fitted.onTest().origins()[5];
        assertArrayEquals(fitted.onTest().means()[5], published.forecast(bars.subList(0, origin + 1), 30), 1e-15);
    }
}
