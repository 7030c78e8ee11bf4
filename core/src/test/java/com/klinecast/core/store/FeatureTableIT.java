package com.klinecast.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.retry.Backoff;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.testing.RecordingSleeper;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.testing.UnprocessedItemsInjector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The candle store against dynalite. */
class FeatureTableIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");

    private final DynamoDbClient ddb = LocalDynamo.client();
    private final String table = LocalDynamo.newTable(ddb);
    private final FeatureTable features = new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb));

    @Test
    void roundTripsEveryFieldExactly() {
        List<Candle> candles = CsvCandles.read("binance-BTCUSDT-1d.csv", 60);
        features.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), candles));

        assertEquals(candles, features.range(BTC_1D, 0, Long.MAX_VALUE));
    }

    @Test
    void writingTheSameCandlesAgainChangesNothing() {
        List<Candle> candles = CsvCandles.read("binance-BTCUSDT-1d.csv", 120);
        features.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), candles));
        features.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), candles.subList(30, 90)));

        assertEquals(candles, features.range(BTC_1D, 0, Long.MAX_VALUE));
        assertEquals(120, features.stats(BTC_1D).count());
    }

    @Test
    void answersRangeAndLatestNQueriesInOpenTimeOrder() {
        List<Candle> candles = CsvCandles.read("binance-BTCUSDT-1d.csv", 100);
        features.write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), candles));

        assertEquals(candles.subList(10, 21),
                features.range(BTC_1D, candles.get(10).openTime(), candles.get(20).openTime()));
        assertEquals(candles.subList(50, 100), features.latest(BTC_1D, 50));
        assertTrue(features.latest(Series.of("ETHUSDT", "1d"), 5).isEmpty());
    }

    @Test
    void reportsTheSourcesGapsWithoutFillingThem() {
        // 2020-02-09 01:00 is followed by 03:00 in Binance's own hourly data: one hour missing.
        List<Candle> hours = CsvCandles.read("binance-BTCUSDT-1h.csv", 1500);
        features.write(BTC_1H, FeatureRows.of(BTC_1H, List.of(), hours));

        SeriesStats stats = features.stats(BTC_1H);

        assertEquals(1500, stats.count());
        assertEquals(hours.get(0).openTime(), stats.firstOpenTime());
        assertEquals(1, stats.gaps().size());
        assertEquals(1581210000000L, stats.gaps().get(0).after());
        assertEquals(1, stats.missingCandles());
    }

    @Test
    void resendsUnprocessedItemsUntilEveryOneIsWritten() {
        UnprocessedItemsInjector injector = UnprocessedItemsInjector.intermittent(10);
        DynamoDbClient throttled = LocalDynamo.client(
                ClientOverrideConfiguration.builder().addExecutionInterceptor(injector).build());
        RecordingSleeper sleeper = new RecordingSleeper();
        BatchWriter writer = new BatchWriter(throttled, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 8),
                sleeper);
        List<Candle> candles = CsvCandles.read("binance-BTCUSDT-1d.csv", 500);

        new FeatureTable(throttled, table, writer).write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), candles));

        assertEquals(200, injector.itemsHeldBack(), "10 items held back from each of the 20 batches");
        assertTrue(writer.unprocessedRetries() > 0);
        assertEquals(candles, features.range(BTC_1D, 0, Long.MAX_VALUE));
        assertTrue(sleeper.waits().stream().allMatch(w -> w.toMillis() <= 1000), "back-off is bounded");
    }

    @Test
    void failsLoudlyWhenItemsStayUnprocessed() {
        DynamoDbClient alwaysThrottled = LocalDynamo.client(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(UnprocessedItemsInjector.persistent(5)).build());
        BatchWriter writer = new BatchWriter(alwaysThrottled, new Backoff(Duration.ZERO, Duration.ZERO, 4),
                new RecordingSleeper());

        StoreException e = assertThrows(StoreException.class, () -> new FeatureTable(alwaysThrottled, table, writer)
                .write(BTC_1D, FeatureRows.of(BTC_1D, List.of(), CsvCandles.read("binance-BTCUSDT-1d.csv", 25))));
        assertTrue(e.getMessage().contains("still unprocessed after 4 attempts"), e.getMessage());
    }
}
