package com.klinecast.cli;

import com.klinecast.core.observability.MetricsSink;
import com.klinecast.standins.tradestream.StreamFaults;
import com.klinecast.standins.tradestream.TradeStreamReplay;
import com.klinecast.stream.StreamService;
import com.klinecast.stream.collector.Collector;
import com.klinecast.stream.collector.CollectorConfig;
import com.klinecast.stream.collector.StreamEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The stream collector against the local stack: live from Binance, or a trades archive replayed over WebSocket. */
@Command(name = "stream", mixinStandardHelpOptions = true, description = "Collects trades into minute candles "
        + "(series SYMBOL#1m, source: stream) until Ctrl+C, or until a replayed trades file ends.")
final class StreamCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = {"--symbol", "--symbols"}, split = ",", defaultValue = "BTCUSDT",
            description = "Symbols (comma-separated or repeated); default ${DEFAULT-VALUE}.")
    List<String> symbols;

    @Option(names = "--replay-trades", paramLabel = "FILE",
            description = "Binance's trades archive (CSV) of the one symbol, played as @trade frames.")
    Path replayTrades;

    @Option(names = "--speed", defaultValue = "600",
            description = "Replay speed: stream seconds per second (0: as fast as the collector reads); "
                    + "default ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--stream-url", paramLabel = "URL", defaultValue = "wss://data-stream.binance.vision",
            description = "Binance's WebSocket base URL for a live stream; default ${DEFAULT-VALUE}.")
    URI streamUrl;

    @Override
    public Integer call() throws Exception {
        if (replayTrades != null && (symbols.size() != 1 || !Files.isRegularFile(replayTrades))) {
            throw new IllegalArgumentException("--replay-trades needs one --symbol and an existing trades file");
        }
        try (LocalStack stack = LocalStack.start(root);
                TradeStreamReplay replay = replayTrades == null ? null
                        : TradeStreamReplay.start(symbols.get(0), replayTrades, speed, StreamFaults.NONE)) {
            // Unthrottled, the replay's clock runs as far ahead of the frames read as the socket buffers allow, so
            // the collector's stands at the start: minutes close by trade time only.
            Clock clock = replay == null ? Clock.systemUTC() : replay.clock().throttled() ? replay.clock()
                    : Clock.fixed(replay.clock().instant(), ZoneOffset.UTC);
            CollectorConfig config = replay == null ? CollectorConfig.live(symbols, streamUrl)
                    // Grace in stream time: a pause of a few wall milliseconds is minutes of a fast replay.
                    : new CollectorConfig(symbols, replay.baseUrl(),
                            Duration.ofMillis((long) Math.max(2_000, 2_000 * speed)), Duration.ofMillis(100),
                            Duration.ofHours(23).plusMinutes(50), true);
            Collector collector = StreamService.collector(config, stack.dynamoDb(), LocalStack.TABLE, clock,
                    MetricsSink.NONE, System.err);
            System.err.println("stream: " + String.join(",", symbols) + " from "
                    + (replay == null ? StreamEndpoint.of(streamUrl, symbols) : replayTrades + " at " + speed + "x")
                    + " into " + LocalStack.TABLE + "; Ctrl+C writes the open minute and stops");
            StreamService.runUntilStopped(collector);
            System.err.println("stream: stopped after " + collector.minutesWritten() + " minutes written ("
                    + collector.incompleteMinutes() + " incomplete), " + collector.reconnects() + " reconnects");
            return 0;
        }
    }
}
