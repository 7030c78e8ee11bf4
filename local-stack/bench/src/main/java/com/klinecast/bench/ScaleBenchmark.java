package com.klinecast.bench;

import com.klinecast.cli.LocalAws;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.config.Env;
import com.klinecast.core.fanout.Planner;
import com.klinecast.core.fanout.SqsTaskQueue;
import com.klinecast.core.fanout.Worker;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.fanout.WorkerHandler;
import com.klinecast.standins.dynamodb.Dynalite;
import com.klinecast.standins.lambda.LocalContext;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import com.klinecast.standins.sqs.ElasticMq;
import com.klinecast.standins.sqs.EventSourceMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The ingest fan-out's scaling on the local stack: synthetic series from the replay (a set latency on every
 * klines answer, as the exchange's round trip), the planner's tasks in ElasticMQ, and 1, 4, 16 ... workers fed by
 * the local event source mapping into dynalite. Each series is one page, so the request's latency dominates a
 * worker's time, as Binance's does; every run starts from an empty table and must store, row for row, what the
 * one-worker run stored.
 */
public final class ScaleBenchmark {

    /** Candles per synthetic series: one klines page each. */
    static final int CANDLES = 60;
    private static final long FIRST_OPEN = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
    private static final Instant NOW = Instant.parse("2021-01-01T00:05:00Z");

    /**
     * One row of the table.
     *
     * @param cpuSeconds CPU time this JVM (workers, ElasticMQ, the replay, the JIT) and dynalite spent in the run:
     *     once it nears the cores' share the machine leaves free, more workers cannot help
     * @param load1 the 1-minute load average as the run ended
     */
    public record Run(int workers, double seconds, double cpuSeconds, double load1, int requests, int invocations,
            boolean identical) {
        /** Binance request weight per minute at this pace: klines with limit=1000 weigh 2. */
        public double weightPerMinute() {
            return requests * 2 / (seconds / 60);
        }
    }

    private final int seriesPerInterval;
    private final List<Interval> intervals;
    private final Duration latency;
    private final List<Integer> workers;

    public ScaleBenchmark(int seriesPerInterval, List<Interval> intervals, Duration latency, List<Integer> workers) {
        this.seriesPerInterval = seriesPerInterval;
        this.intervals = List.copyOf(intervals);
        this.latency = latency;
        this.workers = List.copyOf(workers);
    }

    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        for (int i = 1; i <= seriesPerInterval; i++) {
            for (Interval interval : intervals) {
                out.add(new Series(String.format("SYN%04dUSDT", i), interval));
            }
        }
        return out;
    }

    public List<Run> run() {
        Path dir = syntheticReplayDir();
        List<Run> runs = new ArrayList<>();
        try (Dynalite dynamo = Dynalite.inMemory();
                BinanceReplayServer replay = BinanceReplayServer.start(dir, ReplayClock.fixedAt(NOW));
                ElasticMq elasticMq = ElasticMq.start();
                SqsClient sqs = elasticMq.client()) {
            LocalAws.useDynamoDb(dynamo.endpoint());
            replay.setLatency(latency);
            // The fan-out is measured, not Binance's limit: the weight it would need is in the table instead.
            replay.setWeightLimitPerMinute(Integer.MAX_VALUE);
            try (DynamoDbClient ddb = AwsClients.dynamoDb()) {
                run(ddb, sqs, replay, 1, dynamo.pid()); // warm-up: JIT, connection pools, the stand-ins' own start
                Map<String, List<FeatureRow>> reference = null;
                for (int w : workers) {
                    replay.resetRequestLog();
                    Measured measured = run(ddb, sqs, replay, w, dynamo.pid());
                    if (reference == null) {
                        reference = measured.rows();
                    }
                    runs.add(new Run(w, measured.seconds(), measured.cpuSeconds(), Machine.load1(),
                            replay.klineRequestCount(), measured.invocations(), measured.rows().equals(reference)));
                }
            }
        }
        return runs;
    }

    private record Measured(double seconds, double cpuSeconds, int invocations, Map<String, List<FeatureRow>> rows) {
    }

    private Measured run(DynamoDbClient ddb, SqsClient sqs, BinanceReplayServer replay, int w, long dynalitePid) {
        String table = "scale-" + UUID.randomUUID();
        FeatureTableSchema.createIfMissing(ddb, table);
        IngestConfig config = IngestConfig.fromEnv(new Env(Map.of("FEATURE_TABLE", table,
                "BINANCE_BASE_URL", replay.baseUrl().toString(), "BINANCE_WEIGHT_LIMIT", "100000000",
                "STOP_MARGIN_SECONDS", "1", "BACKFILL_START", "2019-01-01")));
        SeriesCatalogTable catalog = new SeriesCatalogTable(ddb, table);
        catalog.add(series());
        ElasticMq.Queues queues = ElasticMq.createWithDeadLetters(sqs, "scale-" + UUID.randomUUID(), 3,
                Duration.ofSeconds(120));
        SqsTaskQueue queue = new SqsTaskQueue(sqs, queues.url());
        AtomicInteger incomplete = new AtomicInteger();
        IngestListener check = new IngestListener() {
            @Override
            public void finished(SeriesReport report) {
                if (!report.complete()) {
                    incomplete.incrementAndGet();
                }
            }
        };
        ScheduledIngest ingest = new ScheduledIngest(config, IngestServices.create(config, ddb,
                BinanceKlinesClient.create(config.binance()), check), Clock.fixed(NOW, ZoneOffset.UTC),
                MetricsSink.NONE, catalog);
        WorkerHandler handler = new WorkerHandler(new Worker(ingest, queue));

        double cpuBefore = cpuSeconds(dynalitePid);
        long start = System.nanoTime();
        new Planner(config, catalog, queue).plan(Map.of("intervals",
                intervals.stream().map(Interval::code).toList()));
        int invocations = new EventSourceMapping(sqs, queues.url(), queues.arn(),
                new EventSourceMapping.Settings(1, w, Duration.ofSeconds(1)), handler,
                () -> LocalContext.withTimeout("IngestWorkerFunction", Duration.ofSeconds(300),
                        LocalContext.quietLogger()), System.err::println).drain();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds(dynalitePid) - cpuBefore;
        if (incomplete.get() > 0 || EventSourceMapping.depth(sqs, queues.deadLetterUrl()) > 0) {
            throw new IllegalStateException(incomplete.get() + " series did not complete with " + w + " workers");
        }
        FeatureTable rows = new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb));
        Map<String, List<FeatureRow>> stored = new HashMap<>();
        for (Series s : series()) {
            stored.put(s.id(), rows.rows(s, 0, Long.MAX_VALUE));
        }
        return new Measured(seconds, cpu, invocations, stored);
    }

    /** This JVM's CPU time plus dynalite's, in seconds (NaN where the OS does not tell). */
    private static double cpuSeconds(long dynalitePid) {
        Optional<Duration> jvm = ProcessHandle.current().info().totalCpuDuration();
        Optional<Duration> dynalite = ProcessHandle.of(dynalitePid).flatMap(p -> p.info().totalCpuDuration());
        return jvm.isPresent() && dynalite.isPresent() ? jvm.get().plus(dynalite.get()).toNanos() / 1e9 : Double.NaN;
    }

    private Path syntheticReplayDir() {
        try {
            Path dir = Files.createTempDirectory("klinecast-scale");
            dir.toFile().deleteOnExit();
            long seed = 1;
            for (Series s : series()) {
                Path file = SyntheticKlines.write(dir, s.symbol(), s.interval().code(), s.interval().approximateMillis(),
                        FIRST_OPEN, CANDLES, seed++);
                file.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic series", e);
        }
    }
}
