package com.klinecast.stream.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.retry.Backoff;
import com.klinecast.standins.tradestream.StreamFaults;
import com.klinecast.standins.tradestream.TradeStreamReplay;
import com.klinecast.stream.minute.MinuteBar;
import com.klinecast.stream.testing.BruteForce;
import com.klinecast.stream.testing.DayOfTrades;
import com.klinecast.stream.trade.Trade;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A connection that dies without a close (no frames, the collector's pings unanswered) is found by the client's
 * own ping, here every second instead of every minute, and reconnected: every minute of the day is still written
 * once, equal to the brute-force aggregation, and only the minutes open at the silence are incomplete.
 */
class SilentConnectionIT {

    private static final List<Trade> DAY = DayOfTrades.trades();
    private static final Map<Long, BruteForce.Minute> EXPECTED = BruteForce.minutes(DAY);

    @Test
    void aSilentlyDeadConnectionIsFoundByItsPingAndReconnected() throws Exception {
        int silentAt = 500;
        List<MinuteBar> written = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TradeStreamReplay replay = TradeStreamReplay.start(DayOfTrades.SYMBOL, DayOfTrades.file(), 0,
                StreamFaults.NONE.silencingAfter(silentAt))) {
            CollectorConfig config = new CollectorConfig(List.of(DayOfTrades.SYMBOL), replay.baseUrl(),
                    Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofDays(1), true);
            Collector collector = new Collector(config, new JavaWebSockets(Duration.ofSeconds(1)),
                    (symbol, minutes) -> written.addAll(minutes), new StreamMetrics(line -> { }),
                    Clock.fixed(replay.clock().instant(), ZoneOffset.UTC),
                    new ConnectGate(new Backoff(Duration.ofMillis(1), Duration.ofMillis(20), Integer.MAX_VALUE)),
                    new PrintStream(log, true));
            long started = System.nanoTime();
            collector.start();
            collector.finished().get(90, TimeUnit.SECONDS);
            System.out.printf("silent connection: replay done in %.1f s, %d reconnects%n",
                    (System.nanoTime() - started) / 1e9, collector.reconnects());

            assertEquals(1, collector.reconnects(), log.toString());
            assertEquals(2, replay.connectionsAccepted());
        }
        long streamTime = DAY.get(silentAt).time();
        Set<Long> open = EXPECTED.keySet().stream().filter(m -> m <= streamTime && m + 62_000 > streamTime)
                .collect(Collectors.toSet());
        assertEquals(List.copyOf(EXPECTED.keySet()), written.stream().map(MinuteBar::openTime).toList(), log.toString());
        for (MinuteBar minute : written) {
            assertEquals(EXPECTED.get(minute.openTime()).candle(), minute.candle());
            assertEquals(open.contains(minute.openTime()), minute.incomplete(), "minute " + minute.openTime());
        }
        assertTrue(!open.isEmpty());
    }
}
