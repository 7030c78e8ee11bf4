package com.klinecast.bench;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.cli.LocalAws;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.config.Env;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.CandleItems;
import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.ingest.IngestHandler;
import com.klinecast.standins.dynamodb.Dynalite;
import com.klinecast.standins.lambda.LocalContext;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.joda.time.DateTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ingest throughput against its floor, measured in one run on one machine: the ingest handler backfilling a
 * series from the replay server into dynalite, beside a bare BatchWriteItem loop writing the same items
 * (candles with their features, computed beforehand) into the same kind of table: no HTTP fetch, no parsing, no
 * checks or features, no watermark. Each figure is the median of the
 * timed runs after two warm-up rounds, with min and max; the two alternate, and every run gets a fresh table.
 */
public final class IngestBenchmark {

    private static final int WARM_UP_ROUNDS = 2;

    private final Path replayDir;
    private final int runs;

    public IngestBenchmark(Path replayDir, int runs) {
        this.replayDir = replayDir;
        this.runs = runs;
    }

    /** One row of the table. */
    public record Row(String series, int candles, int requests, Stats ingest, Stats floor) {
        public double ratio() {
            return ingest.median() / floor.median();
        }
    }

    /** Candles per second over the timed runs. */
    public record Stats(double median, double min, double max) {
        public static Stats of(List<Double> rates) {
            List<Double> sorted = rates.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Stats(median, sorted.get(0), sorted.get(n - 1));
        }
    }

    public List<Row> run(List<Series> seriesList) {
        List<Row> rows = new ArrayList<>();
        try (Dynalite dynamo = Dynalite.inMemory();
                BinanceReplayServer replay = BinanceReplayServer.start(replayDir, ReplayClock.system());
                DynamoDbClient ddb = dynamoDb(dynamo)) {
            for (Series series : seriesList) {
                List<Candle> candles = BareCalls.fetchAll(replay, series);
                List<Map<String, AttributeValue>> items = FeatureRows.of(series, List.of(), candles).stream()
                        .map(row -> CandleItems.toItem(series, row)).toList();
                int[] requests = new int[1];
                LongSupplier ingest = () -> {
                    replay.resetRequestLog();
                    long nanos = timeIngest(ddb, replay, series);
                    requests[0] = replay.klineRequestCount();
                    return nanos;
                };
                List<Double>[] rates = measureInterleaved(candles.size(), ingest, () -> timeBareLoop(ddb, items));
                rows.add(new Row(series.id(), candles.size(), requests[0], Stats.of(rates[0]), Stats.of(rates[1])));
            }
        }
        return rows;
    }

    private static DynamoDbClient dynamoDb(Dynalite dynamo) {
        LocalAws.useDynamoDb(dynamo.endpoint());
        return AwsClients.dynamoDb();
    }

    /**
     * Alternates the two measurements so both see the same JIT, GC and machine state; a block of one after a
     * block of the other would credit whichever ran later with the warmer JVM.
     */
    @SuppressWarnings("unchecked")
    private List<Double>[] measureInterleaved(int candles, LongSupplier subject, LongSupplier floor) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            subject.getAsLong();
            floor.getAsLong();
        }
        List<Double>[] rates = new List[] {new ArrayList<Double>(), new ArrayList<Double>()};
        for (int i = 0; i < runs; i++) {
            rates[0].add(candles / (subject.getAsLong() / 1e9));
            rates[1].add(candles / (floor.getAsLong() / 1e9));
        }
        return rates;
    }

    private static long timeIngest(DynamoDbClient ddb, BinanceReplayServer replay, Series series) {
        String table = freshTable(ddb);
        IngestConfig config = IngestConfig.fromEnv(new Env(Map.of("FEATURE_TABLE", table,
                "BINANCE_BASE_URL", replay.baseUrl().toString())));
        IngestHandler handler = new IngestHandler(new ScheduledIngest(config, IngestServices.create(config, ddb,
                BinanceKlinesClient.create(config.binance()), IngestListener.NONE), Clock.systemUTC()));
        ScheduledEvent event = new ScheduledEvent();
        event.setTime(new DateTime(Instant.now().toEpochMilli()));
        event.setDetail(Map.of("symbols", List.of(series.symbol()), "intervals", List.of(series.interval().code())));
        long start = System.nanoTime();
        IngestReport report = handler.handleRequest(event,
                LocalContext.withTimeout("IngestFunction", Duration.ofMinutes(15), LocalContext.quietLogger()));
        long elapsed = System.nanoTime() - start;
        if (!report.allComplete()) {
            throw new IllegalStateException("benchmark ingest did not complete: " + report);
        }
        return elapsed;
    }

    private static long timeBareLoop(DynamoDbClient ddb, List<Map<String, AttributeValue>> items) {
        String table = freshTable(ddb);
        long start = System.nanoTime();
        BareCalls.writeAll(ddb, table, items);
        return System.nanoTime() - start;
    }

    private static String freshTable(DynamoDbClient ddb) {
        String table = "bench-" + UUID.randomUUID();
        FeatureTableSchema.createIfMissing(ddb, table);
        return table;
    }
}
