package com.klinecast.stream.minute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.stream.testing.BruteForce;
import com.klinecast.stream.testing.DayOfTrades;
import com.klinecast.stream.trade.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MinuteAggregatorTest {

    private static final long T0 = DayOfTrades.DAY + 10 * 60_000;

    private final MinuteAggregator aggregator = new MinuteAggregator(Duration.ofSeconds(2));

    @Test
    void theDayOfTradesGivesEveryMinuteAsABruteForceAggregationDoes() {
        List<MinuteBar> bars = play(DayOfTrades.trades());

        Map<Long, BruteForce.Minute> expected = BruteForce.minutes(DayOfTrades.trades());
        assertEquals(831, bars.size());
        assertEquals(831, expected.size());
        for (MinuteBar bar : bars) {
            BruteForce.Minute minute = expected.get(bar.openTime());
            assertEquals(minute.candle(), bar.candle(), "minute " + bar.openTime());
            assertEquals(minute.meanPrice(), bar.meanPrice(), "mean price of " + bar.openTime());
            assertFalse(bar.incomplete(), "minute " + bar.openTime());
        }
    }

    @Test
    void theDayOfMinutesSumsToTheBundledDailyCandleExactly() {
        List<Candle> minutes = play(DayOfTrades.trades()).stream().map(MinuteBar::candle).toList();

        Candle day = CsvCandles.read("binance-BTCUSDT-1d.csv", 1).get(0);
        assertEquals(DayOfTrades.DAY, day.openTime());
        assertEquals(day.open(), minutes.get(0).open());
        assertEquals(day.close(), minutes.get(minutes.size() - 1).close());
        assertEquals(day.high(), minutes.stream().map(Candle::high).max(BigDecimal::compareTo).orElseThrow());
        assertEquals(day.low(), minutes.stream().map(Candle::low).min(BigDecimal::compareTo).orElseThrow());
        assertEquals(day.volume(), sum(minutes, Candle::volume));
        assertEquals(day.quoteVolume(), sum(minutes, Candle::quoteVolume));
        assertEquals(day.trades(), minutes.stream().mapToLong(Candle::trades).sum());
        assertEquals(day.takerBuyBaseVolume(), sum(minutes, Candle::takerBuyBaseVolume));
        assertEquals(day.takerBuyQuoteVolume(), sum(minutes, Candle::takerBuyQuoteVolume));
    }

    @Test
    void duplicatesAndOutOfOrderTradesBuildTheSameMinutes() {
        List<Trade> day = DayOfTrades.trades();
        List<Trade> scrambled = new ArrayList<>();
        Random random = new Random(22);
        for (int i = 0; i < day.size(); i += 3) {
            List<Trade> chunk = new ArrayList<>(day.subList(i, Math.min(day.size(), i + 3)));
            boolean withinGrace = chunk.get(chunk.size() - 1).time() - chunk.get(0).time() < 2_000;
            chunk.add(chunk.get(random.nextInt(chunk.size())));
            // Out of order by less than the grace, as a reordering on the wire would be.
            if (withinGrace) {
                Collections.shuffle(chunk, random);
            }
            scrambled.addAll(chunk);
        }

        List<MinuteBar> bars = play(scrambled);

        assertEquals(new MinuteAggregatorTest().play(day), bars);
        assertTrue(bars.stream().noneMatch(MinuteBar::incomplete));
        assertEquals(scrambled.size() - day.size(), aggregator.duplicates());
    }

    @Test
    void aGapInTradeIdsMarksTheMinuteItFallsIn() {
        List<MinuteBar> bars = play(List.of(trade(1, T0 + 1_000), trade(2, T0 + 2_000), trade(4, T0 + 3_000),
                trade(5, T0 + 61_000), trade(7, T0 + 121_000)));

        assertEquals(List.of(true, false, true), bars.stream().map(MinuteBar::incomplete).toList());
        assertEquals(List.of(3L, 1L, 1L), bars.stream().map(b -> b.candle().trades()).toList());
    }

    @Test
    void aReconnectInsideAMinuteMarksItAndOnlyIt() {
        aggregator.connected(T0 - 1);
        aggregator.accept(trade(1, T0 + 1_000));
        aggregator.disconnected();
        aggregator.connected(T0 + 70_000);
        List<MinuteBar> closed = new ArrayList<>(aggregator.accept(trade(2, T0 + 80_000)));
        closed.addAll(aggregator.accept(trade(3, T0 + 130_000)));
        closed.addAll(aggregator.flush(false));

        assertEquals(List.of(T0, T0 + 60_000, T0 + 120_000), closed.stream().map(MinuteBar::openTime).toList());
        assertEquals(List.of(true, true, false), closed.stream().map(MinuteBar::incomplete).toList());
    }

    @Test
    void aMinuteOpenedBeforeTheFirstConnectionIsIncomplete() {
        aggregator.connected(T0 + 30_000);
        aggregator.accept(trade(1, T0 + 31_000));
        aggregator.accept(trade(2, T0 + 61_000));

        List<MinuteBar> bars = aggregator.flush(false);

        assertEquals(List.of(true, false), bars.stream().map(MinuteBar::incomplete).toList());
    }

    @Test
    void aMinuteClosesOnTheHeartbeatOnceItsGraceHasPassed() {
        aggregator.connected(T0 - 1);
        aggregator.accept(trade(1, T0 + 59_000));

        assertTrue(aggregator.advance(T0 + 61_999).isEmpty());
        List<MinuteBar> closed = aggregator.advance(T0 + 62_000);

        assertEquals(1, closed.size());
        assertFalse(closed.get(0).incomplete());
        assertTrue(aggregator.flush(true).isEmpty());
    }

    @Test
    void aLateTradeWithinTheGraceStillCounts() {
        aggregator.connected(T0 - 1);
        aggregator.accept(trade(1, T0 + 30_000));
        aggregator.accept(trade(3, T0 + 61_000));
        aggregator.accept(trade(2, T0 + 59_999));
        List<MinuteBar> bars = aggregator.flush(false);

        assertEquals(2, bars.get(0).candle().trades());
        assertFalse(bars.get(0).incomplete());
        assertFalse(bars.get(1).incomplete());
    }

    @Test
    void aTradeForAWrittenMinuteIsDroppedNotCountedTwice() {
        aggregator.connected(T0 - 1);
        aggregator.accept(trade(1, T0 + 30_000));
        List<MinuteBar> closed = aggregator.accept(trade(2, T0 + 65_000));
        aggregator.accept(trade(1, T0 + 30_000));

        assertEquals(1, closed.size());
        assertEquals(1, aggregator.duplicates());
        assertEquals(List.of(1L), aggregator.flush(false).stream().map(b -> b.candle().trades()).toList());
    }

    @Test
    void aShutdownWritesThePartialMinuteMarkedIncomplete() {
        aggregator.connected(T0 - 1);
        aggregator.accept(trade(1, T0 + 1_000));
        aggregator.accept(trade(2, T0 + 2_000));

        List<MinuteBar> flushed = aggregator.flush(true);

        assertEquals(1, flushed.size());
        assertTrue(flushed.get(0).incomplete());
        assertEquals(2, flushed.get(0).candle().trades());
    }

    @Test
    void theMeanPriceIsTheUnweightedMeanOfTradePrices() {
        aggregator.connected(T0 - 1);
        aggregator.accept(new Trade("BTCUSDT", 1, new BigDecimal("100"), new BigDecimal("5"), T0 + 1, false));
        aggregator.accept(new Trade("BTCUSDT", 2, new BigDecimal("101"), new BigDecimal("0.001"), T0 + 2, true));
        aggregator.accept(new Trade("BTCUSDT", 3, new BigDecimal("103"), new BigDecimal("1"), T0 + 3, true));

        MinuteBar bar = aggregator.flush(false).get(0);

        assertEquals(new BigDecimal("101.33333333"), bar.meanPrice());
        assertEquals(new BigDecimal("5"), bar.candle().takerBuyBaseVolume());
    }

    private List<MinuteBar> play(List<Trade> trades) {
        aggregator.connected(trades.stream().mapToLong(Trade::time).min().orElseThrow() / 60_000 * 60_000);
        List<MinuteBar> bars = new ArrayList<>();
        for (Trade trade : trades) {
            bars.addAll(aggregator.accept(trade));
        }
        bars.addAll(aggregator.flush(false));
        return bars;
    }

    private static Trade trade(long id, long time) {
        return new Trade("BTCUSDT", id, new BigDecimal("4000.5"), new BigDecimal("0.1"), time, id % 2 == 0);
    }

    private static BigDecimal sum(List<Candle> candles, Function<Candle, BigDecimal> field) {
        return candles.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
    }
}
