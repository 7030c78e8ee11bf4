package com.klinecast.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.testing.RecordingSleeper;
import java.net.http.HttpClient;
import com.klinecast.core.fanout.Planner;
import com.klinecast.core.fanout.SeriesTask;
import com.klinecast.core.fanout.SqsTaskQueue;
import com.klinecast.core.fanout.Worker;
import com.klinecast.core.ingest.CandleSink;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.ingest.StoredRange;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.IngestStateTable;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.standins.lambda.LocalContext;
import com.klinecast.standins.sqs.ElasticMq;
import com.klinecast.standins.sqs.EventSourceMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The ingest fan-out end to end on the local stack's engines: the planner's tasks in ElasticMQ, the workers fed
 * by the local event source mapping (batch size 1, partial batch responses, redrive after 3 receives), the
 * Binance replay of the bundled klines and dynalite.
 */
class FanOutIT {

    private static final Instant NOW = Instant.parse("2025-07-01T00:05:00Z");
    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series ETH_1D = Series.of("ETHUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    /** The replay has no file for it: Binance's "Invalid symbol" at every receive. */
    private static final Series XRP_1D = Series.of("XRPUSDT", "1d");
    private static final int MAX_RECEIVES = 3;

    private static ElasticMq elasticMq;
    private static SqsClient sqs;

    private final IngestFixture fixture = new IngestFixture(NOW);
    private final String table = fixture.newEmptyTable();
    private final IngestConfig config = fixture.config(table, Map.of("STOP_MARGIN_SECONDS", "0"));
    private final List<SeriesReport> reports = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startElasticMq() {
        elasticMq = ElasticMq.start();
        sqs = elasticMq.client();
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
        elasticMq.close();
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    private ElasticMq.Queues queues(Duration visibility) {
        return ElasticMq.createWithDeadLetters(sqs, "ingest-" + UUID.randomUUID(), MAX_RECEIVES, visibility);
    }

    private ScheduledIngest ingest(CandleSink sink) {
        IngestService service = new IngestService(new BinanceKlinesClient(config.binance(),
                HttpClient.newHttpClient(), Clock.systemUTC(), new RecordingSleeper()), sink,
                new IngestStateTable(fixture.ddb, table), config.stopMargin(), new IngestListener() {
                    @Override
                    public void finished(SeriesReport report) {
                        reports.add(report);
                    }
                });
        return new ScheduledIngest(config, service, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private FeatureTable features() {
        return new FeatureTable(fixture.ddb, table, BatchWriter.withDefaults(fixture.ddb));
    }

    private List<SeriesTask> plan(ElasticMq.Queues queues, List<Series> catalog, String... intervals) {
        new SeriesCatalogTable(fixture.ddb, table).add(catalog);
        PlannerHandler planner = new PlannerHandler(new Planner(config, new SeriesCatalogTable(fixture.ddb, table),
                new SqsTaskQueue(sqs, queues.url())));
        ScheduledEvent event = new ScheduledEvent();
        event.setTime(new DateTime(NOW.toEpochMilli()));
        event.setDetail(Map.of("intervals", List.of(intervals)));
        List<String> ids = planner.handleRequest(event, LocalContext.withTimeout("PlannerFunction",
                Duration.ofSeconds(30), LocalContext.quietLogger()));
        return ids.stream().map(id -> new SeriesTask(Series.parseId(id), config.backfillStart(), 0)).toList();
    }

    private int drain(ElasticMq.Queues queues, WorkerHandler worker, int concurrency,
            java.util.function.Supplier<com.amazonaws.services.lambda.runtime.Context> contexts) {
        return new EventSourceMapping(sqs, queues.url(), queues.arn(),
                new EventSourceMapping.Settings(1, concurrency, Duration.ofSeconds(1)), worker, contexts,
                message -> { }).drain();
    }

    private static com.amazonaws.services.lambda.runtime.Context fullTimeout() {
        return LocalContext.withTimeout("IngestWorkerFunction", Duration.ofMinutes(5), LocalContext.quietLogger());
    }

    private List<Candle> straightBackfill(Series series) {
        String reference = fixture.newTable();
        fixture.scheduled(fixture.config(reference, Map.of())).handle(IngestService.Mode.BACKFILL,
                Map.of("symbols", List.of(series.symbol()), "intervals", List.of(series.interval().code())), NOW,
                com.klinecast.core.ingest.Deadline.NONE, line -> { });
        return fixture.rows(reference, series).stream().map(FeatureRow::candle).toList();
    }

    private List<Candle> stored(Series series) {
        return fixture.rows(table, series).stream().map(FeatureRow::candle).toList();
    }

    @Test
    void aPoisonedSeriesLandsInTheDeadLetterQueueWhileTheOthersComplete() {
        // As on AWS, the visibility timeout outlasts the worker's time-out: a slow worker continues, never overlaps.
        // Short ones: the poisoned message waits out the visibility timeout after each of its receives.
        ElasticMq.Queues queues = queues(Duration.ofSeconds(4));
        List<SeriesTask> planned = plan(queues, List.of(BTC_1D, ETH_1D, XRP_1D, BTC_1H), "1d");
        assertEquals(List.of(BTC_1D, ETH_1D, XRP_1D), planned.stream().map(SeriesTask::series).toList(),
                "the 1d schedule plans the catalog's 1d series only");

        WorkerHandler worker = new WorkerHandler(new Worker(ingest(features()), new SqsTaskQueue(sqs, queues.url())));
        drain(queues, worker, 3, () -> LocalContext.withTimeout("IngestWorkerFunction", Duration.ofSeconds(2),
                LocalContext.quietLogger()));

        assertEquals(straightBackfill(BTC_1D), stored(BTC_1D));
        assertEquals(straightBackfill(ETH_1D), stored(ETH_1D));
        assertEquals(List.of(), stored(XRP_1D));
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(queues.deadLetterUrl()).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertEquals(1, dead.size());
        assertEquals(XRP_1D, SeriesTask.fromJson(dead.get(0).body()).series());
        assertEquals(0, EventSourceMapping.depth(sqs, queues.url()));
        assertEquals(MAX_RECEIVES, reports.stream().filter(r -> r.series().equals(XRP_1D.id())
                && r.status() == SeriesReport.Status.FAILED).count());
        assertTrue(reports.stream().filter(r -> r.series().equals(XRP_1D.id())).findFirst().orElseThrow()
                .message().contains("Invalid symbol"));
    }

    @Test
    void aWorkerKilledMidSeriesLeavesTheSeriesCompleteExactlyOnce() {
        ElasticMq.Queues queues = queues(Duration.ofSeconds(5));
        plan(queues, List.of(BTC_1D), "1d");
        AtomicInteger writes = new AtomicInteger();
        FeatureTable table = features();
        // The first invocation dies after writing its second page, before the watermark covers it.
        CandleSink killedOnce = new CandleSink() {
            @Override
            public void write(Series series, List<FeatureRow> rows) {
                table.write(series, rows);
                if (writes.incrementAndGet() == 2) {
                    throw new Error("killed mid-series");
                }
            }

            @Override
            public List<Candle> history(Series series, long openTime, int n) {
                return table.history(series, openTime, n);
            }

            @Override
            public StoredRange stored(Series series, long from, long to) {
                return table.stored(series, from, to);
            }
        };
        WorkerHandler worker = new WorkerHandler(new Worker(ingest(killedOnce), new SqsTaskQueue(sqs, queues.url())));
        List<String> crashes = new CopyOnWriteArrayList<>();
        int invocations = new EventSourceMapping(sqs, queues.url(), queues.arn(),
                new EventSourceMapping.Settings(1, 2, Duration.ofSeconds(1)), worker, FanOutIT::fullTimeout,
                crashes::add).drain();

        assertEquals(1, crashes.size(), crashes.toString());
        assertEquals(2, invocations, "the killed invocation, then its message again after the visibility timeout");
        assertEquals(straightBackfill(BTC_1D), stored(BTC_1D));
        assertEquals(1, reports.stream().filter(r -> r.status() == SeriesReport.Status.COMPLETE).count(),
                "completed exactly once: " + reports);
        assertTrue(new IngestStateTable(fixture.ddb, this.table).load(BTC_1D).orElseThrow().complete());
        assertEquals(0, EventSourceMapping.depth(sqs, queues.deadLetterUrl()));
    }

    @Test
    void aSeriesLongerThanOneInvocationContinuesUntilComplete() {
        ElasticMq.Queues queues = queues(Duration.ofSeconds(30));
        plan(queues, List.of(BTC_1H), "1h");
        WorkerHandler worker = new WorkerHandler(new Worker(ingest(features()), new SqsTaskQueue(sqs, queues.url())));
        // Each invocation has time for three pages (the deadline is checked before each page; margin 0).
        java.util.function.Supplier<com.amazonaws.services.lambda.runtime.Context> threePages = () -> {
            AtomicLong checks = new AtomicLong();
            return LocalContext.withRemaining("IngestWorkerFunction", () -> checks.incrementAndGet() <= 3 ? 1 : -1,
                    LocalContext.quietLogger());
        };

        int invocations = drain(queues, worker, 1, threePages);

        assertEquals(straightBackfill(BTC_1H), stored(BTC_1H));
        assertEquals(3, invocations, "8,749 candles: 9 pages, three per invocation");
        assertEquals(List.of(SeriesReport.Status.PARTIAL, SeriesReport.Status.PARTIAL, SeriesReport.Status.COMPLETE),
                reports.stream().map(SeriesReport::status).toList());
    }

    @Test
    void thePlannerSendsTenTasksPerRequestAndEveryOneArrivesOnce() {
        ElasticMq.Queues queues = queues(Duration.ofSeconds(30));
        List<SeriesTask> tasks = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            tasks.add(new SeriesTask(Series.of(String.format("SYN%02dUSDT", i), "1h"), config.backfillStart(), 0));
        }

        new SqsTaskQueue(sqs, queues.url()).sendAll(tasks);

        List<SeriesTask> received = new ArrayList<>();
        for (List<Message> batch; !(batch = sqs.receiveMessage(b -> b.queueUrl(queues.url())
                .maxNumberOfMessages(10)).messages()).isEmpty(); ) {
            batch.forEach(m -> received.add(SeriesTask.fromJson(m.body())));
        }
        assertEquals(new HashSet<>(tasks), new HashSet<>(received));
        assertEquals(tasks.size(), received.size(), "each task once");
    }
}
