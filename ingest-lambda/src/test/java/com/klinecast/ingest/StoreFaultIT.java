package com.klinecast.ingest;

import static com.klinecast.ingest.RecentBtcDays.EVENT_TIME;
import static com.klinecast.ingest.RecentBtcDays.SERIES;
import static com.klinecast.ingest.RecentBtcDays.context;
import static com.klinecast.ingest.RecentBtcDays.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.ingest.IngestFailedException;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.ingest.IngestState;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.ingest.SeriesReport.Status;
import com.klinecast.core.retry.Backoff;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.IngestStateTable;
import com.klinecast.core.testing.DiskFull;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.core.testing.InjectedFaults;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.testing.RecordingSleeper;
import com.klinecast.core.testing.UnprocessedItemsInjector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB failing under a backfill, injected into the ingest's own client (the SDK's default retry policy in
 * place) against dynalite: a flaky table is ridden out to the clean table; a table gone for good from any
 * call on fails the run with a report naming the series and what a rerun does, leaves no row that differs from the
 * clean run's and no watermark past a missing row, and a rerun completes to the clean table.
 */
class StoreFaultIT {


    private static IngestFixture fixture;
    private static List<Candle> clean;

    @BeforeAll
    static void start() {
        fixture = new IngestFixture(EVENT_TIME);
        String reference = fixture.newTable();
        handler(reference, fixture.ddb).handleRequest(event(), context());
        clean = rows(reference);
        assertEquals(1126, clean.size());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(InjectedFaults.Kind.class)
    void aFlakyTableIsRiddenOutByTheSdksRetriesToTheCleanTable(InjectedFaults.Kind kind) {
        String table = fixture.newTable();
        InjectedFaults faults = InjectedFaults.everyNth(4, kind);

        IngestReport report = handler(table, client(faults)).handleRequest(event(), context());

        assertTrue(faults.injected() >= 10, faults.injected() + " faults injected");
        assertEquals(Status.COMPLETE, report.series().get(0).status(), report.series().get(0).toString());
        assertEquals(clean, rows(table));
    }

    @Test
    void itemsDynamoDbLeavesUnprocessedAreResentAndATableThatKeepsRefusingThemFailsTheRun() {
        String flakyTable = fixture.newTable();
        UnprocessedItemsInjector now = UnprocessedItemsInjector.intermittent(7);

        IngestReport report = handler(flakyTable, client(now), new RecordingSleeper()).handleRequest(event(), context());

        assertTrue(now.itemsHeldBack() > 100, now.itemsHeldBack() + " items held back");
        assertEquals(Status.COMPLETE, report.series().get(0).status());
        assertEquals(clean, rows(flakyTable));

        String throttled = fixture.newTable();
        IngestFailedException failure = assertThrows(IngestFailedException.class, () -> handler(throttled,
                client(UnprocessedItemsInjector.persistent(3)), new RecordingSleeper()).handleRequest(event(), context()));

        assertTrue(failure.getMessage().contains("BTCUSDT#1d") && failure.getMessage().contains("unprocessed"),
                failure.getMessage());
        // The batches before the refused one are stored, and the report counts them from the table.
        assertEquals(rows(throttled).size(), failure.report().series().get(0).candlesWritten(), failure.getMessage());
        handler(throttled, fixture.ddb).handleRequest(event(), context());
        assertEquals(clean, rows(throttled));
    }

    /** Attempt 1 reads the watermark, 2-41 write page one, 42-43 the watermark and catalog, 44-49 page two. */
    @ParameterizedTest(name = "store down from attempt {0}")
    @ValueSource(ints = {1, 21, 42, 43, 49})
    void aTableGoneMidRunFailsClearlyKeepsNoBadRowAndARerunCompletes(int attempt) {
        String table = fixture.newTable();
        // The ways a store (or the network to it) goes away; throttling is aFlakyTable's case.
        InjectedFaults.Kind[] kinds = {InjectedFaults.Kind.SERVER_ERROR, InjectedFaults.Kind.TIMEOUT,
                InjectedFaults.Kind.RESPONSE_LOST};
        InjectedFaults.Kind kind = kinds[attempt % kinds.length];
        InjectedFaults faults = InjectedFaults.fromNth(attempt, kind);

        try {
            IngestReport report = handler(table, client(faults)).handleRequest(event(), context());
            assertTrue(report.allComplete(), report.toString());
            assertEquals(clean, rows(table), "a run that reports success wrote the clean table");
        } catch (IngestFailedException e) {
            assertTrue(e.getMessage().contains("BTCUSDT#1d") && e.getMessage().contains(table)
                    && (e.getMessage().contains("nothing was written") || e.getMessage().contains("a rerun ")),
                    e.getMessage());
            assertEquals(Status.FAILED, e.report().series().get(0).status());
        }
        List<Candle> stored = rows(table);
        Map<Long, Candle> byOpenTime = clean.stream().collect(Collectors.toMap(Candle::openTime, Function.identity()));
        for (Candle candle : stored) {
            assertEquals(byOpenTime.get(candle.openTime()), candle, "a stored row differs from the clean run's");
        }
        Optional<IngestState> watermark = new IngestStateTable(fixture.ddb, table).load(SERIES);
        if (watermark.isPresent()) {
            long upTo = watermark.get().lastOpenTime();
            List<Candle> covered = clean.stream().filter(c -> c.openTime() <= upTo).toList();
            assertEquals(covered, stored.subList(0, Math.min(stored.size(), covered.size())),
                    "every row the watermark covers is stored");
        }

        IngestReport rerun = handler(table, fixture.ddb).handleRequest(event(), context());

        assertTrue(rerun.allComplete(), rerun.toString());
        assertEquals(clean, rows(table));
    }

    @Test
    void aDiskFilledMidPageIsReportedAsDiskFullCountingTheRowsActuallyStored() {
        String table = fixture.newTable();

        // 17 batches of 25 rows of the first page are stored, then every write meets a full disk.
        IngestFailedException failure = assertThrows(IngestFailedException.class,
                () -> handler(table, client(DiskFull.afterWrites(17))).handleRequest(event(), context()));

        List<Candle> stored = rows(table);
        SeriesReport report = failure.report().series().get(0);
        assertEquals(425, stored.size());
        assertEquals(stored.size(), report.candlesWritten(), report.toString());
        assertEquals(Instant.ofEpochMilli(stored.get(0).openTime()).toString(), report.firstOpenTime());
        assertEquals(Instant.ofEpochMilli(stored.get(stored.size() - 1).openTime()).toString(),
                report.lastOpenTime());
        assertTrue(report.message().startsWith("disk full: "), report.message());
        assertTrue(report.message().contains("425 candles are stored, 425 of them past the watermark"),
                report.message());
        assertFalse(report.message().contains("\n"), report.message());

        IngestReport rerun = handler(table, fixture.ddb).handleRequest(event(), context());

        assertTrue(rerun.allComplete(), rerun.toString());
        assertEquals(clean, rows(table));
    }

    /**
     * The SDK's default DynamoDB retry strategy (attempts, what it retries, its retry quota) with its back-offs cut
     * to nothing: which faults are ridden out does not depend on how long the SDK waits between attempts, and the
     * waits (up to 20 s a call) would only slow the test down.
     */
    private static DynamoDbClient client(ExecutionInterceptor faults) {
        return LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(faults)
                .retryStrategy(s -> s.backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()))
                .build());
    }

    private static IngestHandler handler(String table, DynamoDbClient ddb) {
        IngestConfig config = fixture.config(table, Map.of());
        return new IngestHandler(new ScheduledIngest(config, IngestServices.create(config, ddb, binance(config),
                IngestListener.NONE), Clock.systemUTC()));
    }

    /** As wired in the Lambda, but the batch writer's back-off between re-sends recorded, not slept. */
    private static IngestHandler handler(String table, DynamoDbClient ddb, RecordingSleeper batchWaits) {
        IngestConfig config = fixture.config(table, Map.of());
        BatchWriter writer = new BatchWriter(ddb, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 12),
                batchWaits);
        return new IngestHandler(new ScheduledIngest(config, new IngestService(binance(config),
                new FeatureTable(ddb, table, writer), new IngestStateTable(ddb, table), config.stopMargin(),
                IngestListener.NONE), Clock.systemUTC()));
    }

    private static BinanceKlinesClient binance(IngestConfig config) {
        return new BinanceKlinesClient(config.binance(), HttpClient.newHttpClient(), Clock.systemUTC(),
                new RecordingSleeper());
    }

    private static List<Candle> rows(String table) {
        return RecentBtcDays.candles(fixture, table);
    }
}
