package com.klinecast.stream.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.binance.BinanceSettings;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.Deadline;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestRequest;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.retry.Backoff;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.tradestream.StreamFaults;
import com.klinecast.standins.tradestream.TradeStreamReplay;
import com.klinecast.stream.store.StreamMinutes;
import com.klinecast.stream.store.StreamMinutes.StoredMinute;
import com.klinecast.stream.testing.BruteForce;
import com.klinecast.stream.testing.DayOfTrades;
import com.klinecast.stream.trade.Trade;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "a fault inside a minute marks it incomplete, and the REST catch-up then replaces it": the collector
 * runs into dynalite through a dropped connection and a stop mid-day, then a 1m backfill from the Binance replay
 * rewrites every minute of the day with the exchange's kline (incomplete ones and those the stream missed alike).
 * Binance builds its 1m klines from the same trades, so the replay's klines are the brute-force minutes of the file.
 */
class RestCatchUpIT {

    private static final List<Trade> DAY = DayOfTrades.trades();
    private static final Map<Long, BruteForce.Minute> EXPECTED = BruteForce.minutes(DAY);
    private static final Instant NEXT_DAY = Instant.ofEpochMilli(DayOfTrades.DAY + 86_400_000L);

    @TempDir
    Path klines;

    private final DynamoDbClient ddb = LocalDynamo.client();
    private final String table = LocalDynamo.newTable(ddb);
    private final StreamMinutes minutes = new StreamMinutes(new FeatureTable(ddb, table,
            BatchWriter.withDefaults(ddb)), BatchWriter.withDefaults(ddb));

    @Test
    void aRestBackfillReplacesIncompleteMinutesAndFillsTheMissedOnes() throws Exception {
        int hold = 1_000;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TradeStreamReplay replay = TradeStreamReplay.start(DayOfTrades.SYMBOL, DayOfTrades.file(), 0,
                StreamFaults.NONE.droppingAfter(100).holdingAfter(hold))) {
            CollectorConfig config = new CollectorConfig(List.of(DayOfTrades.SYMBOL), replay.baseUrl(),
                    Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofDays(1), true);
            Collector collector = new Collector(config, new JavaWebSockets(), minutes,
                    new StreamMetrics(line -> { }), Clock.fixed(replay.clock().instant(), ZoneOffset.UTC),
                    new ConnectGate(new Backoff(Duration.ofMillis(1), Duration.ofMillis(20), Integer.MAX_VALUE)),
                    new PrintStream(log, true));
            collector.start();
            assertTrue(replay.awaitHolding(Duration.ofSeconds(60)), log.toString());
            long open = DAY.get(hold).time() / 60_000 * 60_000;
            long before = EXPECTED.keySet().stream().filter(t -> t < open).count();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (collector.minutesWritten() < before && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            collector.stop(Duration.ofSeconds(5));
        }
        List<StoredMinute> streamed = read();
        assertTrue(streamed.size() < EXPECTED.size(), "the stop left minutes for the catch-up: " + streamed.size());
        assertTrue(streamed.stream().filter(StoredMinute::incomplete).count() >= 2,
                "the drop's minute and the stop's are incomplete");

        writeKlines();
        try (BinanceReplayServer binance = BinanceReplayServer.start(klines, Clock.fixed(NEXT_DAY, ZoneOffset.UTC))) {
            IngestConfig config = new IngestConfig(table, Instant.ofEpochMilli(DayOfTrades.DAY),
                    BinanceSettings.defaults(binance.baseUrl()), Duration.ZERO);
            IngestService ingest = IngestServices.create(config, ddb,
                    BinanceKlinesClient.create(config.binance()), IngestListener.NONE);
            ingest.run(IngestService.Mode.BACKFILL, new IngestRequest(List.of(StreamMinutes.series(DayOfTrades.SYMBOL)),
                    config.backfillStart(), NEXT_DAY), Deadline.NONE);
        }

        List<StoredMinute> caughtUp = read();
        assertEquals(List.copyOf(EXPECTED.keySet()), caughtUp.stream().map(m -> m.candle().openTime()).toList());
        for (StoredMinute minute : caughtUp) {
            assertEquals(EXPECTED.get(minute.candle().openTime()).candle(), minute.candle());
            assertEquals("rest", minute.source());
            assertTrue(!minute.incomplete());
        }
    }

    private List<StoredMinute> read() {
        return minutes.read(DayOfTrades.SYMBOL, DayOfTrades.DAY, DayOfTrades.DAY + 86_399_999L);
    }

    /** The day's 1m klines in the bundled (Binance archive) format: the minutes that have trades. */
    private void writeKlines() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("open_time,open,high,low,close,volume,close_time,quote_asset_volume,number_of_trades,"
                + "taker_buy_base_asset_volume,taker_buy_quote_asset_volume,ignore");
        for (BruteForce.Minute minute : EXPECTED.values()) {
            Candle c = minute.candle();
            lines.add(String.join(",", String.valueOf(c.openTime()), c.open().toPlainString(),
                    c.high().toPlainString(), c.low().toPlainString(), c.close().toPlainString(),
                    c.volume().toPlainString(), String.valueOf(c.closeTime()), c.quoteVolume().toPlainString(),
                    String.valueOf(c.trades()), c.takerBuyBaseVolume().toPlainString(),
                    c.takerBuyQuoteVolume().toPlainString(), "0"));
        }
        Files.write(klines.resolve("binance-BTCUSDT-1m.csv"), lines);
    }
}
