package com.klinecast.daily;

import static com.klinecast.core.testing.ScheduledFunctionFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.ingest.Deadline;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.ingest.SeriesReport.Status;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.core.testing.ScheduledFunctionFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily handler with dynalite and the replay server, the clock moving day by day. */
class DailyHandlerIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Instant BACKFILL_NOW = Instant.parse("2025-06-20T00:00:00Z");

    @RegisterExtension
    final ScheduledFunctionFixture function = new ScheduledFunctionFixture("DailyFunction",
            Duration.ofMinutes(5), BACKFILL_NOW);
    private final IngestFixture fixture = function.ingest;
    private final String table = function.table;

    private IngestConfig config(String table) {
        return fixture.config(table, Map.of());
    }

    private IngestService service(String table) {
        return fixture.service(config(table));
    }

    /** The ingest function's backfill up to {@code now}, as the schedule would have run it. */
    private void backfill(String table, Instant now) {
        fixture.market.set(now);
        IngestReport report = service(table).run(config(table).request(Map.of(), now, List.of(Series.of("BTCUSDT", "1d"))), Deadline.NONE);
        assertTrue(report.allComplete(), report.toString());
    }

    private SeriesReport daily(String table, String eventFile, Instant time) {
        ScheduledEvent event = function.eventAt(eventFile, time);
        DailyHandler handler = new DailyHandler(function.scheduled(table, Map.of()));
        return handler.handleRequest(event, function.context()).series().get(0);
    }

    private List<FeatureRow> rows(String table) {
        return fixture.rows(table, BTC_1D);
    }

    @Test
    void appendsExactlyTheCandlesClosedSinceTheBackfillElevenDaysLater() {
        backfill(table, BACKFILL_NOW);
        assertEquals("2025-06-19T00:00:00Z", lastOpen(table));

        SeriesReport report = daily(table, "daily-scheduled.json", Instant.parse("2025-07-01T00:05:00Z"));

        assertEquals(Status.COMPLETE, report.status());
        assertEquals(11, report.candlesWritten());
        assertEquals("2025-06-20T00:00:00Z", report.firstOpenTime());
        assertEquals("2025-06-30T00:00:00Z", report.lastOpenTime());
        assertEquals(2875, rows(table).size());
    }

    @Test
    void appendsOneCandleADayAndNeverTheOpenOne() {
        backfill(table, BACKFILL_NOW);

        SeriesReport morning = daily(table, "daily-scheduled.json", Instant.parse("2025-06-21T00:05:00Z"));
        SeriesReport midDay = daily(table, "daily-scheduled.json", Instant.parse("2025-06-21T13:00:00Z"));

        assertEquals(1, morning.candlesWritten());
        assertEquals("2025-06-20T00:00:00Z", morning.lastOpenTime());
        assertEquals(0, midDay.candlesWritten(), "the 06-21 candle is still open at 13:00");
        assertEquals("2025-06-20T00:00:00Z", lastOpen(table));
    }

    @Test
    void catchesUpAfterMissedRunsInOneInvocation() {
        backfill(table, BACKFILL_NOW);
        daily(table, "daily-scheduled.json", Instant.parse("2025-06-21T00:05:00Z"));

        SeriesReport afterOutage = daily(table, "daily-scheduled.json", Instant.parse("2025-06-30T00:05:00Z"));

        assertEquals(9, afterOutage.candlesWritten());
        assertEquals("2025-06-29T00:00:00Z", afterOutage.lastOpenTime());
    }

    @Test
    void aSecondRunForTheSameDayChangesNothing() {
        backfill(table, BACKFILL_NOW);
        daily(table, "daily-scheduled.json", Instant.parse("2025-06-25T00:05:00Z"));
        List<FeatureRow> before = rows(table);

        SeriesReport again = daily(table, "daily-scheduled.json", Instant.parse("2025-06-25T00:05:00Z"));

        assertEquals(0, again.candlesWritten());
        assertEquals(before, rows(table));
    }

    @Test
    void theDailyPathsFeaturesAreBitIdenticalToTheBackfillsForTheSameCandles() {
        String reference = fixture.newTable();
        backfill(reference, Instant.parse("2025-07-01T00:05:00Z"));
        backfill(table, BACKFILL_NOW);
        for (int day = 21; day <= 30; day += 3) {
            daily(table, "daily-scheduled.json", Instant.parse("2025-06-" + day + "T00:05:00Z"));
        }
        daily(table, "daily-scheduled.json", Instant.parse("2025-07-01T00:05:00Z"));

        List<FeatureRow> dailyRows = rows(table);
        List<FeatureRow> backfillRows = rows(reference);
        assertEquals(backfillRows.size(), dailyRows.size());
        assertEquals(backfillRows, dailyRows);
        assertTrue(dailyRows.get(dailyRows.size() - 1).features().warm());
    }

    @Test
    void overridesTheSeriesFromTheEventAndCatchesUpEach() {
        fixture.market.set(BACKFILL_NOW);
        IngestConfig config = fixture.config(table, Map.of());
        List<Series> both = List.of(Series.of("BTCUSDT", "1d"), Series.of("ETHUSDT", "1d"));
        fixture.service(config).run(config.request(Map.of(), BACKFILL_NOW, both), Deadline.NONE);

        ScheduledEvent event = event("daily-override-btc-eth.json");
        fixture.market.set(Instant.parse("2025-07-01T00:05:00Z"));
        IngestReport report = new DailyHandler(function.scheduled(table, Map.of())).handleRequest(event, function.context());

        assertEquals(List.of("BTCUSDT#1d", "ETHUSDT#1d"), report.series().stream().map(SeriesReport::series).toList());
        assertTrue(report.series().stream().allMatch(s -> s.candlesWritten() == 11));
    }

    @Test
    void aSeriesThatWasNeverBackfilledIsReportedAndNothingIsWritten() {
        IngestFailedException e = assertThrows(IngestFailedException.class,
                () -> daily(table, "daily-scheduled.json", Instant.parse("2025-07-01T00:05:00Z")));

        assertEquals(Status.NOT_BACKFILLED, e.report().series().get(0).status());
        assertTrue(e.getMessage().contains("never backfilled"), e.getMessage());
        assertEquals(0, fixture.replay.klineRequestCount());
        assertEquals(0, fixture.itemsWritten(table));
    }

    private String lastOpen(String table) {
        List<FeatureRow> all = rows(table);
        return Instant.ofEpochMilli(all.get(all.size() - 1).candle().openTime()).toString();
    }
}
