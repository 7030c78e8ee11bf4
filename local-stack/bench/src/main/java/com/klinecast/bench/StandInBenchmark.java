package com.klinecast.bench;

import com.klinecast.cli.LocalAws;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.CandleItems;
import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.standins.dynamodb.Dynalite;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB stand-in itself (dynalite, a Node.js child process): milliseconds from the call to a server that
 * answers, its resident set idle and after a series is written, and the disk a persisted table takes. The resident
 * figures are the child's own (/proc/PID/status), not this JVM's.
 */
public final class StandInBenchmark {

    /** Start-up in ms; resident MB idle and at peak after the write; bytes on disk after it (persisted only). */
    public record Result(IngestBenchmark.Stats memoryStartMs, IngestBenchmark.Stats persistedStartMs, double idleRssMb,
            double loadedRssMb, double persistedPeakRssMb, int rows, long diskBytes) {
    }

    private final Path replayDir;
    private final int runs;

    public StandInBenchmark(Path replayDir, int runs) {
        this.replayDir = replayDir;
        this.runs = runs;
    }

    public Result run(Series series, Path scratch) {
        List<Map<String, AttributeValue>> items = items(series);
        IngestBenchmark.Stats memoryStart = starts(Dynalite::inMemory);
        IngestBenchmark.Stats persistedStart = starts(() -> Dynalite.persisted(fresh(scratch), 0));
        double idle;
        double loaded;
        try (Dynalite dynamo = Dynalite.inMemory(); DynamoDbClient ddb = client(dynamo)) {
            idle = kb(dynamo, "VmRSS:") / 1024.0;
            write(ddb, items);
            loaded = kb(dynamo, "VmHWM:") / 1024.0;
        }
        Path dir = fresh(scratch);
        double persistedPeak;
        try (Dynalite dynamo = Dynalite.persisted(dir, 0); DynamoDbClient ddb = client(dynamo)) {
            write(ddb, items);
            persistedPeak = kb(dynamo, "VmHWM:") / 1024.0;
        }
        return new Result(memoryStart, persistedStart, idle, loaded, persistedPeak, items.size(), size(dir));
    }

    private IngestBenchmark.Stats starts(Supplier<Dynalite> start) {
        start.get().close(); // warm-up: the OS caches node and the package
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            Dynalite dynamo = start.get();
            millis.add((System.nanoTime() - t) / 1e6);
            dynamo.close();
        }
        return IngestBenchmark.Stats.of(millis);
    }

    private List<Map<String, AttributeValue>> items(Series series) {
        try (BinanceReplayServer replay = BinanceReplayServer.start(replayDir, ReplayClock.system())) {
            List<Candle> candles = BareCalls.fetchAll(replay, series);
            return FeatureRows.of(series, List.of(), candles).stream().map(row -> CandleItems.toItem(series, row))
                    .toList();
        }
    }

    private static void write(DynamoDbClient ddb, List<Map<String, AttributeValue>> items) {
        FeatureTableSchema.createIfMissing(ddb, "bench");
        BareCalls.writeAll(ddb, "bench", items);
    }

    private static DynamoDbClient client(Dynalite dynamo) {
        LocalAws.useDynamoDb(dynamo.endpoint());
        return AwsClients.dynamoDb();
    }

    private static long kb(Dynalite dynamo, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(dynamo.pid()), "status")).stream()
                    .filter(l -> l.startsWith(field)).map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0L);
        } catch (IOException e) {
            return 0; // no /proc on this OS
        }
    }

    private static Path fresh(Path scratch) {
        try {
            return Files.createTempDirectory(scratch, "dynalite-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
