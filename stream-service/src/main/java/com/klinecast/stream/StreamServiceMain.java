package com.klinecast.stream;

import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.observability.PowertoolsMetricsSink;
import com.klinecast.stream.collector.CollectorConfig;
import com.klinecast.stream.collector.StreamEndpoint;
import java.time.Clock;

/**
 * The ECS task's entry point: {@code FEATURE_TABLE} (required), {@code SYMBOLS} (BTCUSDT), {@code STREAM_URL}
 * (Binance's market-data WebSocket host). Metrics go to standard output as EMF, diagnostics to standard error.
 */
public final class StreamServiceMain {

    private StreamServiceMain() {
    }

    public static void main(String[] args) {
        Env env = Env.system();
        String table = env.required("FEATURE_TABLE", "the DynamoDB feature table's name");
        CollectorConfig config = CollectorConfig.live(env.list("SYMBOLS", "BTCUSDT"),
                env.url("STREAM_URL", StreamEndpoint.BINANCE));
        StreamService.runUntilStopped(StreamService.collector(config, AwsClients.dynamoDb(), table,
                Clock.systemUTC(), new PowertoolsMetricsSink(), System.err));
    }
}
