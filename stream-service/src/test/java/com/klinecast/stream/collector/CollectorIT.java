package com.klinecast.stream.collector;

import com.klinecast.core.observability.MetricsDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The collector against the trade-stream replay of the bundled day, unthrottled: every scripted fault must end
 * with every minute written once, equal to the brute-force aggregation, and the faulted ones marked.
 */
class CollectorIT {

    private static final List<Trade> DAY = DayOfTrades.trades();
    private static final Map<Long, BruteForce.Minute> EXPECTED = BruteForce.minutes(DAY);
    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("collectorTest.waitSeconds", 60));

    private final List<MinuteBar> written = Collections.synchronizedList(new ArrayList<>());
    private final List<MetricsDocument> metrics = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private TradeStreamReplay replay;
    private Collector collector;

    @AfterEach
    void close() {
        if (collector != null) {
            collector.stop(Duration.ofSeconds(5));
        }
        if (replay != null) {
            replay.close();
        }
    }

    @Test
    void aReplayOfTheDayWritesEveryMinuteAsTheBruteForceAggregationAndAnswersEveryPing() throws Exception {
        run(StreamFaults.NONE, Duration.ofDays(1));

        assertEveryMinuteOnce(Set.of());
        assertEquals(0, collector.reconnects(), log.toString());
        assertEquals(34, replay.pingsSent());
        assertEquals(replay.pingsSent(), replay.pongsReceived());
        assertEquals(831, metrics.size());
        assertEquals(1.0, metrics.get(0).value("MinutesWritten").value());
    }

    @Test
    void duplicateAndOutOfOrderTradesAreCountedOnce() throws Exception {
        run(StreamFaults.NONE.duplicatingEvery(5).swappingEvery(7), Duration.ofDays(1));

        assertEveryMinuteOnce(Set.of());
    }

    @Test
    void aDroppedConnectionIsReconnectedAndOnlyTheMinutesItCutAreIncomplete() throws Exception {
        run(StreamFaults.NONE.droppingAfter(100, 2_000), Duration.ofDays(1));

        assertEquals(2, collector.reconnects());
        assertEveryMinuteOnce(openAt(100, 2_000));
    }

    @Test
    void aPongTooLateForTheServerIsReconnectedLikeADrop() throws Exception {
        run(StreamFaults.NONE.pongTooLateAfter(300), Duration.ofDays(1));

        assertEquals(1, collector.reconnects());
        assertEveryMinuteOnce(openAt(300));
    }

    @Test
    void theServersAgeLimitCutsAConnectionTheCollectorDidNotRotate() throws Exception {
        run(StreamFaults.NONE.withMaxAge(Duration.ofHours(8)), Duration.ofDays(1));

        assertTrue(collector.reconnects() >= 2, "reconnects: " + collector.reconnects());
        assertEquals(831, written.size());
        assertTrue(written.stream().anyMatch(MinuteBar::incomplete));
        assertEveryMinuteOnce(written.stream().filter(MinuteBar::incomplete).map(MinuteBar::openTime)
                .collect(Collectors.toSet()));
    }

    @Test
    void aRotationOpensTheNewConnectionFirstSoNoMinuteIsIncomplete() throws Exception {
        start(StreamFaults.NONE, Duration.ZERO, Duration.ofMillis(300));
        awaitEnd();

        assertTrue(replay.connectionsAccepted() > 1, "connections: " + replay.connectionsAccepted());
        assertEquals(0, collector.reconnects(), log.toString());
        assertEveryMinuteOnce(Set.of());
    }

    @Test
    void aServerShutdownNoticeIsAnsweredWithANewConnectionBeforeTheOldCloses() throws Exception {
        run(StreamFaults.NONE.shuttingDownAfter(500), Duration.ofDays(1));

        assertEquals(2, replay.connectionsAccepted());
        assertEquals(0, collector.reconnects(), log.toString());
        assertEveryMinuteOnce(Set.of());
    }

    @Test
    void refusedConnectsAreRetriedWithBackOff() throws Exception {
        run(StreamFaults.NONE.refusingFirst(3), Duration.ofDays(1));

        assertEquals(4, replay.attempts());
        assertEveryMinuteOnce(Set.of());
    }

    @Test
    void stoppingMidMinuteWritesThePartialMinuteMarkedIncomplete() throws Exception {
        int hold = 1_000;
        long partialMinute = minuteOf(hold);
        int before = (int) EXPECTED.keySet().stream().filter(t -> t < partialMinute).count();
        start(StreamFaults.NONE.holdingAfter(hold), Duration.ofDays(1), Duration.ofMillis(20));
        assertTrue(replay.awaitHolding(WAIT));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (written.size() < before && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        // Trades 0..1000 are in; the minute of trade 1000 is still open (its next trade is later in the minute).
        assertTrue(DAY.get(hold + 1).time() / 60_000 * 60_000 == partialMinute);

        collector.stop(Duration.ofSeconds(5));

        assertTrue(collector.finished().isDone());
        MinuteBar last = written.get(written.size() - 1);
        assertEquals(before + 1, written.size());
        assertEquals(partialMinute, last.openTime());
        assertTrue(last.incomplete());
        long tradesSoFar = DAY.subList(0, hold + 1).stream().filter(t -> t.time() / 60_000 * 60_000 == partialMinute)
                .count();
        assertEquals(tradesSoFar, last.candle().trades());
        assertTrue(written.subList(0, before).stream().noneMatch(MinuteBar::incomplete));
    }

    private void run(StreamFaults faults, Duration maxConnectionAge) throws Exception {
        start(faults, maxConnectionAge, Duration.ofMillis(20));
        awaitEnd();
    }

    private void awaitEnd() throws Exception {
        try {
            collector.finished().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no end of replay: " + written.size() + " minutes written, "
                    + replay.connectionsAccepted() + " connections, replay failure " + replay.failure() + "; log:\n" + log, e);
        }
    }

    private void start(StreamFaults faults, Duration maxConnectionAge, Duration heartbeat) {
        replay = TradeStreamReplay.start(DayOfTrades.SYMBOL, DayOfTrades.file(), 0, faults);
        // The collector's clock stands before the day: minutes close by trade time only, however far the
        // unthrottled replay runs ahead of the frames the collector has read.
        Clock clock = Clock.fixed(Instant.ofEpochMilli(replay.clock().millis()), ZoneOffset.UTC);
        CollectorConfig config = new CollectorConfig(List.of(DayOfTrades.SYMBOL), replay.baseUrl(),
                Duration.ofSeconds(2), heartbeat, maxConnectionAge, true);
        collector = new Collector(config, new JavaWebSockets(), (symbol, minutes) -> written.addAll(minutes),
                new StreamMetrics(metrics::add), clock,
                new ConnectGate(new Backoff(Duration.ofMillis(1), Duration.ofMillis(20), Integer.MAX_VALUE)),
                new PrintStream(log, true));
        collector.start();
    }

    /** Every minute of the day written once, equal to the brute-force aggregation; exactly {@code incomplete} marked. */
    private void assertEveryMinuteOnce(Set<Long> incomplete) {
        assertEquals(List.copyOf(EXPECTED.keySet()), written.stream().map(MinuteBar::openTime).toList(), log.toString());
        for (MinuteBar minute : written) {
            assertEquals(EXPECTED.get(minute.openTime()).candle(), minute.candle());
            assertEquals(EXPECTED.get(minute.openTime()).meanPrice(), minute.meanPrice());
            assertEquals(incomplete.contains(minute.openTime()), minute.incomplete(), "minute " + minute.openTime());
        }
        assertFalse(incomplete.isEmpty() && written.stream().anyMatch(MinuteBar::incomplete));
    }

    /** The minutes still open (within the 2 s grace) when the trade at each position had been read. */
    private static Set<Long> openAt(int... positions) {
        Set<Long> open = new java.util.HashSet<>();
        for (int position : positions) {
            long streamTime = DAY.get(position).time();
            EXPECTED.keySet().stream().filter(m -> m <= streamTime && m + 60_000 + 2_000 > streamTime)
                    .forEach(open::add);
        }
        return open;
    }

    private static long minuteOf(int position) {
        return DAY.get(position).time() / 60_000 * 60_000;
    }
}
