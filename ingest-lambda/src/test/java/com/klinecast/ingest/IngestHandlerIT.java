package com.klinecast.ingest;

import static com.klinecast.core.testing.ScheduledFunctionFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.binance.BinanceSettings;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.config.ConfigException;
import com.klinecast.core.config.Env;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.core.testing.ScheduledFunctionFixture;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.ingest.SeriesReport.Status;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.IngestStateTable;
import com.klinecast.standins.lambda.LocalContext;
import com.klinecast.standins.replay.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ingest handler end to end: the events in events/ (the same files `sam local invoke` takes), the Binance
 * replay server serving the bundled real klines, and dynalite.
 */
class IngestHandlerIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    private static final Instant EVENT_TIME = Instant.parse("2025-07-01T00:05:00Z");

    @RegisterExtension
    final ScheduledFunctionFixture function = new ScheduledFunctionFixture("IngestFunction",
            Duration.ofMinutes(15), EVENT_TIME);
    private final IngestFixture fixture = function.ingest;
    private final String table = function.table;

    private IngestHandler handler(String table, Duration stopMargin) {
        return new IngestHandler(function.scheduled(table,
                Map.of("STOP_MARGIN_SECONDS", Long.toString(stopMargin.toSeconds()))));
    }

    private IngestHandler handler() {
        return handler(table, Duration.ofSeconds(60));
    }

    private List<Candle> rows(String table, Series series) {
        return fixture.rows(table, series).stream().map(FeatureRow::candle).toList();
    }

    @Test
    void backfillsTheWholeDailyHistoryInThreeRequests() {
        IngestReport report = handler().handleRequest(event("ingest-scheduled.json"), function.context());

        SeriesReport btc = report.series().get(0);
        assertEquals(new SeriesReport("BTCUSDT#1d", Status.COMPLETE, 2875, 1, "2017-08-17T00:00:00Z",
                "2025-06-30T00:00:00Z", 3, true, null), btc);
        assertEquals(3, fixture.replay.klineRequestCount());
        assertEquals(2875, rows(table, BTC_1D).size());
    }

    @Test
    void aSecondRunWritesNothingAndChangesNothing() {
        handler().handleRequest(event("ingest-scheduled.json"), function.context());
        List<Candle> before = rows(table, BTC_1D);
        fixture.replay.resetRequestLog();

        IngestReport again = handler().handleRequest(event("ingest-scheduled.json"), function.context());

        assertEquals(Status.ALREADY_COMPLETE, again.series().get(0).status());
        assertEquals(0, again.series().get(0).candlesWritten());
        assertEquals(0, fixture.replay.klineRequestCount());
        assertEquals(before, rows(table, BTC_1D));
    }

    @Test
    void theEventsDetailOverridesTheConfiguredSeries() {
        IngestReport report = handler().handleRequest(event("ingest-override-btc-1h.json"), function.context());

        assertEquals("BTCUSDT#1h", report.series().get(0).series());
        assertEquals(8749, report.series().get(0).candlesWritten());
        assertEquals(9, fixture.replay.klineRequestCount());
        assertTrue(rows(table, BTC_1D).isEmpty());
    }

    @Test
    void neverStoresTheCandleStillOpenAtTheEventsTime() {
        ScheduledEvent midDay = function.eventAt("ingest-scheduled.json", Instant.parse("2025-06-20T13:00:00Z"));

        IngestReport report = handler().handleRequest(midDay, function.context());

        assertEquals("2025-06-19T00:00:00Z", report.series().get(0).lastOpenTime());
        List<Candle> stored = rows(table, BTC_1D);
        assertTrue(stored.get(stored.size() - 1).closeTime() < Instant.parse("2025-06-20T13:00:00Z").toEpochMilli());
    }

    @Test
    void aBackfillCutShortByTheTimeoutCheckResumesToTheSameTable() {
        String reference = fixture.newTable();
        handler(reference, Duration.ofSeconds(60)).handleRequest(event("ingest-override-btc-1h.json"), function.context());

        // Each invocation has time for two pages: 150 s left, a 60 s margin, and each page "spends" 60 s.
        int invocations = 0;
        IngestReport report;
        do {
            long[] remaining = {150_000};
            Context shortLived = LocalContext.withRemaining("IngestFunction", () -> {
                long left = remaining[0];
                remaining[0] -= 60_000;
                return left;
            }, LocalContext.quietLogger());
            report = handler().handleRequest(event("ingest-override-btc-1h.json"), shortLived);
            invocations++;
            assertTrue(invocations < 20, "the backfill makes progress");
        } while (!report.allComplete());

        assertEquals(5, invocations, "9 pages at 2 per invocation");
        assertEquals(rows(reference, BTC_1H), rows(table, BTC_1H));
        assertEquals(8749, rows(table, BTC_1H).size());
    }

    @Test
    void rideOutRateLimitsServerErrorsAndBrokenPagesWritingEveryCandleOnce() {
        fixture.replay.inject(Fault.rateLimited(Duration.ofSeconds(1)), Fault.serverError(), Fault.truncated(),
                Fault.malformedJson());

        IngestReport report = handler().handleRequest(event("ingest-override-btc-1h.json"), function.context());

        assertEquals(Status.COMPLETE, report.series().get(0).status());
        List<Candle> stored = rows(table, BTC_1H);
        assertEquals(8749, stored.size());
        assertEquals(8749, stored.stream().map(Candle::openTime).distinct().count());
    }

    @Test
    void aBanMidHistoryStopsWithTheWatermarkThatARerunResumesFrom() {
        String reference = fixture.newTable();
        handler(reference, Duration.ofSeconds(60)).handleRequest(event("ingest-override-btc-1h.json"), function.context());
        // Let four pages through, then a 418 on the fifth request.
        fixture.replay.inject(Fault.none(), Fault.none(), Fault.none(), Fault.none(), Fault.banned(Duration.ofMinutes(2)));

        IngestFailedException failure = assertThrows(IngestFailedException.class,
                () -> handler().handleRequest(event("ingest-override-btc-1h.json"), function.context()));

        assertTrue(failure.getMessage().contains("banned"), failure.getMessage());
        SeriesReport failed = failure.report().series().get(0);
        assertEquals(4000, failed.candlesWritten());
        assertFalse(failed.complete());
        assertEquals(4000, rows(table, BTC_1H).size());

        IngestReport rerun = handler().handleRequest(event("ingest-override-btc-1h.json"), function.context());

        assertEquals(4749, rerun.series().get(0).candlesWritten());
        assertEquals(rows(reference, BTC_1H), rows(table, BTC_1H));
    }

    @Test
    void anUnknownSymbolFailsClearlyAndWritesNothing() {
        IngestFailedException failure = assertThrows(IngestFailedException.class,
                () -> handler().handleRequest(event("ingest-unknown-symbol.json"), function.context()));

        assertTrue(failure.getMessage().contains("NOSUCHCOIN") && failure.getMessage().contains("Invalid symbol."),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("nothing was written"), failure.getMessage());
        assertTrue(new IngestStateTable(fixture.ddb, table).knownSeries().isEmpty());
        assertEquals(0, fixture.itemsWritten(table));
    }

    @Test
    void eachSeriesRunEmitsItsMetricsWithTheInvocationsRequestId() throws Exception {
        com.klinecast.core.testing.EmfCapture documents = new com.klinecast.core.testing.EmfCapture();
        IngestHandler handler = new IngestHandler(new com.klinecast.core.scheduled.ScheduledIngest(
                fixture.config(table, Map.of()), fixture.service(fixture.config(table, Map.of())),
                java.time.Clock.systemUTC(), documents,
                new com.klinecast.core.store.SeriesCatalogTable(fixture.ddb, table)));
        Context context = function.context();

        handler.handleRequest(event("ingest-scheduled.json"), context);

        assertEquals(1, documents.size());
        com.fasterxml.jackson.databind.JsonNode doc = documents.get(0);
        assertEquals("ingest", doc.path("Function").asText());
        assertEquals("BTCUSDT#1d", doc.path("Series").asText());
        assertEquals(2875, doc.path("CandlesWritten").asInt());
        assertEquals(3, doc.path("KlineRequests").asInt());
        assertEquals(0, doc.path("IntervalsBehind").asInt());
        assertEquals(0, doc.path("SeriesFailed").asInt());
        assertEquals(context.getAwsRequestId(), doc.path("requestId").asText());
        assertTrue(doc.path("BinanceUsedWeight").asInt() >= 6, "the replay's weight header after 3 requests");
        assertEquals(0, doc.path("BinanceRateLimited").asInt());
        assertEquals(0, doc.path("BinanceRetries").asInt());
        assertEquals(0, doc.path("BinanceBackoff").asInt());
    }

    @Test
    void theExchangesWeightAndEveryBackOffAreMetricsOfTheSeries() throws Exception {
        com.klinecast.core.testing.EmfCapture documents = new com.klinecast.core.testing.EmfCapture();
        IngestHandler handler = new IngestHandler(new com.klinecast.core.scheduled.ScheduledIngest(
                fixture.config(table, Map.of()), fixture.service(fixture.config(table, Map.of())),
                java.time.Clock.systemUTC(), documents,
                new com.klinecast.core.store.SeriesCatalogTable(fixture.ddb, table)));
        fixture.replay.inject(Fault.rateLimited(Duration.ofSeconds(3)), Fault.serverError(), Fault.malformedJson());

        handler.handleRequest(event("ingest-scheduled.json"), function.context());

        com.fasterxml.jackson.databind.JsonNode doc = documents.get(0);
        assertTrue(doc.path("BinanceUsedWeight").asInt() >= 12, "6 requests' weight: " + doc);
        assertEquals(1, doc.path("BinanceRateLimited").asInt());
        assertEquals(2, doc.path("BinanceRetries").asInt());
        assertEquals(0, doc.path("BinanceBanned").asInt());
        assertTrue(doc.path("BinanceBackoff").asLong() >= 3000, "Retry-After and two back-offs: " + doc);
        List<String> declared = new java.util.ArrayList<>();
        doc.at("/_aws/CloudWatchMetrics/0/Metrics").forEach(m -> declared.add(m.path("Name").asText() + " "
                + m.path("Unit").asText()));
        assertTrue(declared.containsAll(List.of("BinanceUsedWeight Count", "BinanceWeightWaits Count",
                "BinanceRateLimited Count", "BinanceBanned Count", "BinanceRetries Count",
                "BinanceBackoff Milliseconds")), declared.toString());

        fixture.replay.inject(Fault.banned(Duration.ofMinutes(2)));
        String other = fixture.newTable();
        IngestHandler again = new IngestHandler(new com.klinecast.core.scheduled.ScheduledIngest(
                fixture.config(other, Map.of()), fixture.service(fixture.config(other, Map.of())),
                java.time.Clock.systemUTC(), documents,
                new com.klinecast.core.store.SeriesCatalogTable(fixture.ddb, other)));
        assertThrows(IngestFailedException.class, () -> again.handleRequest(event("ingest-scheduled.json"), function.context()));
        com.fasterxml.jackson.databind.JsonNode banned = documents.get(1);
        assertEquals(1, banned.path("BinanceBanned").asInt());
        assertEquals(1, banned.path("SeriesFailed").asInt());
    }

    @Test
    void aBadIntervalIsRejectedBeforeAnyRequestOrWrite() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> handler().handleRequest(event("ingest-bad-interval.json"), function.context()));

        assertTrue(e.getMessage().contains("unknown interval '2x'"), e.getMessage());
        assertEquals(0, fixture.replay.klineRequestCount());
        assertEquals(0, fixture.itemsWritten(table));
    }

    @Test
    void aMissingTableSettingNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.fromEnv(new Env(Map.of())));

        assertTrue(e.getMessage().startsWith("FEATURE_TABLE is not set"), e.getMessage());
    }

    @Test
    void productionSettingsPointAtBinancesMarketDataHost() {
        IngestConfig config = IngestConfig.fromEnv(new Env(Map.of("FEATURE_TABLE", "t")));

        assertEquals(BinanceSettings.DEFAULT_BASE_URL, config.binance().baseUrl());
    }
}
