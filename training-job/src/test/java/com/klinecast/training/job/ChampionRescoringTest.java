package com.klinecast.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.testing.LocalS3;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Promotion across test windows: a version trained on more data is tested on a later window, so the champion is
 * re-scored there, with the same published model and origins, before the rule compares them.
 */
class ChampionRescoringTest {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final TrainingConfig QUICK = TrainingConfigs.load(null, Map.of("epochs", 1,
            "hiddenUnits", List.of(8, 8)));

    @Test
    void aChampionFromAnEarlierWindowIsReScoredOnTheNewOneBeforeTheRuleDecides() throws Exception {
        DynamoDbClient ddb = LocalDynamo.client();
        S3Client s3 = LocalS3.client();
        FeatureTable table = new FeatureTable(ddb, LocalDynamo.newTable(ddb), BatchWriter.withDefaults(ddb));
        S3ModelRegistry registry = new S3ModelRegistry(s3, LocalS3.newBucket(s3));
        List<Candle> all = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE);
        List<String> log = new ArrayList<>();
        TrainingJob job = new TrainingJob(table, registry, EpochListener.NONE, log::add);

        table.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), all.subList(0, 2000)));
        ModelManifest first = job.run(BTC_1D, QUICK, null).manifest();
        table.write(BTC_1D, FeatureRows.of(BTC_1D, all.subList(0, 2000), all.subList(2000, all.size())));
        TrainingOutcome second = job.run(BTC_1D, QUICK, null);

        assertNotEquals(first.testWindow(), second.manifest().testWindow());
        assertTrue(second.promotion().reason().contains("re-scored on this window"), second.promotion().reason());
        // Re-scoring the champion on its own window reproduces the score it was published with.
        List<Bar> bars = all.stream().map(Bar::of).toList();
        double own = new ChampionRescorer(registry, BTC_1D, bars, log::add).score(first, first.testWindow());
        assertEquals(first.promotionScore(), own, 1e-9 * own);
        double championThere = new ChampionRescorer(registry, BTC_1D, bars, log::add).score(first,
                second.manifest().testWindow());
        assertEquals(second.manifest().promotionScore() <= championThere, second.promotion().promoted());
        // What the container reports to CloudWatch for this run.
        com.fasterxml.jackson.databind.JsonNode metrics = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                TrainingMetrics.of(second).toJson(java.time.Instant.now()));
        assertEquals(second.model().test().at(1).mase(), metrics.path("MaseH1").asDouble(), 1e-12);
        assertEquals(second.promotion().promoted() ? 1 : 0, metrics.path("Promoted").asInt());
        assertEquals("BTCUSDT#1d", metrics.path("Series").asText());
    }

    @Test
    void aWindowInsideTheChampionsValidationDataIsNotComparable() {
        DynamoDbClient ddb = LocalDynamo.client();
        S3Client s3 = LocalS3.client();
        FeatureTable table = new FeatureTable(ddb, LocalDynamo.newTable(ddb), BatchWriter.withDefaults(ddb));
        S3ModelRegistry registry = new S3ModelRegistry(s3, LocalS3.newBucket(s3));
        List<Candle> all = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE);
        table.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), all));
        TrainingJob job = new TrainingJob(table, registry, EpochListener.NONE, s -> { });
        job.run(BTC_1D, QUICK, null);

        // Trained up to 2021: its test window lies inside the champion's training data.
        TrainingOutcome earlier = job.run(BTC_1D, QUICK, java.time.Instant.parse("2021-01-01T00:00:00Z"));

        assertEquals(false, earlier.promotion().promoted());
        assertTrue(earlier.promotion().reason().contains("cannot be re-scored fairly"), earlier.promotion().reason());
    }
}
