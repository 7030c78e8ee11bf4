package com.klinecast.bench;

import com.klinecast.cli.LocalAws;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.standins.dynamodb.Dynalite;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ingest function as Lambda runs it, one fresh JVM per invocation on its own shaded jar, against DynamoDB
 * Local (in memory) and the Binance replay, both in this process: so the child's resident set is the function's
 * alone, not the stand-ins'. Backfills the bundled BTCUSDT 1d and 1h, then the first N candles of a synthetic 1m
 * series for each N, each into a fresh table, and a floor: the same JVM and jar with the two clients making one
 * call each.
 */
public final class IngestProcesses {

    /**
     * JVM settings for the children: C1 only (Lambda's Java 17 default), and sized as in the template's 1,024 MB:
     * with {@code MaxRAM=1g} the JVM's ergonomics pick the heap (16 MB initial, 256 MB max) as in a 1 GB
     * container, and the serial collector it would choose there. A series held in memory would not fit.
     */
    public static final List<String> LAMBDA_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:MaxRAM=1g", "-XX:+UseSerialGC");

    /**
     * One invocation: candles written, klines requests, handler seconds, peak RSS, the largest heap after any
     * collection and after a full one (MB; NaN if none ran), and how many full collections ran.
     */
    public record Run(String what, long candles, int requests, double seconds, double rssMb, double heapAfterGcMb,
            double heapAfterFullGcMb, int fullGcs) {
        public double candlesPerSecond() {
            return candles / seconds;
        }
    }

    /** The floor run and the invocations, in order. */
    public record Result(double floorRssMb, List<Run> runs) {
    }

    private final Path lambdaJar;
    private final Path bundledReplayDir;

    public IngestProcesses(Path lambdaJar, Path bundledReplayDir) {
        this.lambdaJar = lambdaJar;
        this.bundledReplayDir = bundledReplayDir;
    }

    public Result run(List<Series> bundled, List<Integer> syntheticSizes, long seed) {
        Path dir = replayDir(bundled, syntheticSizes.stream().mapToInt(i -> i).max().orElse(0), seed);
        try (Dynalite dynamo = Dynalite.inMemory();
                BinanceReplayServer replay = BinanceReplayServer.start(dir, ReplayClock.system())) {
            LocalAws.useDynamoDb(dynamo.endpoint());
            try (DynamoDbClient ddb = AwsClients.dynamoDb()) {
                Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local", "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
                        "BINANCE_BASE_URL", replay.baseUrl().toString()));
                String floorTable = fresh(ddb);
                Child.Result floor = child("IngestFloor", ddb, env, floorTable, bundled.get(0), Long.MAX_VALUE);
                double floorRss = Child.field(last(floor), "rssKb") / 1024.0;
                ddb.deleteTable(b -> b.tableName(floorTable));
                List<Run> runs = new ArrayList<>();
                for (Series series : bundled) {
                    runs.add(invoke(ddb, env, series.symbol() + " " + series.interval().code(), series,
                            System.currentTimeMillis()));
                }
                Series synthetic = Series.of(SyntheticKlines.SYMBOL, SyntheticKlines.INTERVAL);
                for (int n : syntheticSizes) {
                    runs.add(invoke(ddb, env, String.format("synthetic 1m, N = %,d", n), synthetic,
                            SyntheticKlines.openTime(n)));
                }
                return new Result(floorRss, runs);
            }
        } finally {
            delete(dir);
        }
    }

    private Run invoke(DynamoDbClient ddb, Map<String, String> env, String what, Series series, long now) {
        String table = fresh(ddb);
        try {
            String line = last(child("IngestRun", ddb, env, table, series, now));
            return new Run(what, (long) Child.field(line, "candles"), (int) Child.field(line, "requests"),
                    Child.field(line, "nanos") / 1e9, Child.field(line, "rssKb") / 1024.0,
                    Child.field(line, "heapAfterGcKb") / 1024.0, Child.field(line, "fullGcs") > 0
                            ? Child.field(line, "heapAfterFullGcKb") / 1024.0 : Double.NaN,
                    (int) Child.field(line, "fullGcs"));
        } finally {
            ddb.deleteTable(b -> b.tableName(table));
        }
    }

    private Child.Result child(String probe, DynamoDbClient ddb, Map<String, String> baseEnv, String table,
            Series series, long now) {
        Map<String, String> env = new HashMap<>(baseEnv);
        env.put("FEATURE_TABLE", table);
        // The handler reads its series from the table's catalog; the floor probe is told them directly.
        new SeriesCatalogTable(ddb, table).add(List.of(series));
        env.put("PROBE_SYMBOL", series.symbol());
        env.put("PROBE_INTERVAL", series.interval().code());
        List<String> command = new ArrayList<>(List.of(Child.java()));
        command.addAll(LAMBDA_JVM);
        command.addAll(List.of("-cp", Child.classPath(lambdaJar, Probes.directory()),
                "com.klinecast.bench.probe." + probe, Long.toString(now)));
        return Child.run(command, env, Duration.ofMinutes(15)).requireSuccess(probe + " for " + series);
    }

    private static String last(Child.Result result) {
        return result.firstLine(l -> l.startsWith("status 200")).orElseThrow(() -> new IllegalStateException(
                "probe printed no status line:\n" + result.output()));
    }

    private static String fresh(DynamoDbClient ddb) {
        String table = "bench-" + UUID.randomUUID();
        FeatureTableSchema.createIfMissing(ddb, table);
        return table;
    }

    /** A temporary replay directory: links to the bundled CSVs, and the synthetic series written fresh. */
    private Path replayDir(List<Series> bundled, int syntheticCandles, long seed) {
        try {
            Path dir = Files.createTempDirectory("klinecast-bench-replay");
            for (Series s : bundled) {
                String name = "binance-" + s.symbol() + "-" + s.interval().code() + ".csv";
                Files.createSymbolicLink(dir.resolve(name), bundledReplayDir.toAbsolutePath().resolve(name));
            }
            if (syntheticCandles > 0) {
                SyntheticKlines.write(dir, syntheticCandles, seed);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp dir left behind
        }
    }
}
