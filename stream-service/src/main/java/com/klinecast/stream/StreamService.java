package com.klinecast.stream;

import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.stream.collector.Collector;
import com.klinecast.stream.collector.CollectorConfig;
import com.klinecast.stream.collector.ConnectGate;
import com.klinecast.stream.collector.JavaWebSockets;
import com.klinecast.stream.collector.StreamMetrics;
import com.klinecast.stream.store.StreamMinutes;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A collector wired to the feature table: what the ECS task and {@code klinecast stream} both run. */
public final class StreamService {

    /** ECS's stop timeout is set above this; the collector needs far less to write one minute per symbol. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(4);

    private StreamService() {
    }

    public static Collector collector(CollectorConfig config, DynamoDbClient ddb, String table, Clock clock,
            MetricsSink metrics, PrintStream log) {
        BatchWriter writer = BatchWriter.withDefaults(ddb);
        StreamMinutes minutes = new StreamMinutes(new FeatureTable(ddb, table, writer), writer);
        return new Collector(config, new JavaWebSockets(), minutes, new StreamMetrics(metrics), clock,
                ConnectGate.withDefaults(), log);
    }

    /** Runs until stopped by TERM or INT (or until a replay ends): writes the partial minute, then returns. */
    public static void runUntilStopped(Collector collector) {
        try (StopSignals signals = StopSignals.onStop(() -> collector.stop(STOP_TIMEOUT))) {
            collector.start();
            collector.finished().join();
        }
    }
}
