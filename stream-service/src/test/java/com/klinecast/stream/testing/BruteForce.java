package com.klinecast.stream.testing;

import com.klinecast.core.candle.Candle;
import com.klinecast.stream.trade.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The minutes of a list of trades computed the obvious way, to check the aggregator against. */
public final class BruteForce {

    /** A minute as the issue lists it: a candle and the mean trade price. */
    public record Minute(Candle candle, BigDecimal meanPrice) {
    }

    private BruteForce() {
    }

    public static Map<Long, Minute> minutes(List<Trade> trades) {
        Map<Long, List<Trade>> byMinute = trades.stream().collect(Collectors.groupingBy(
                t -> t.time() / 60_000 * 60_000, TreeMap::new, Collectors.toList()));
        Map<Long, Minute> out = new TreeMap<>();
        byMinute.forEach((open, list) -> out.put(open, minute(open, list)));
        return out;
    }

    public static Candle candle(long openTime, long closeTime, List<Trade> trades) {
        List<Trade> sorted = trades.stream().sorted(Comparator.comparingLong(Trade::id)).toList();
        List<Trade> takerBuys = sorted.stream().filter(t -> !t.buyerMaker()).toList();
        return new Candle(openTime, sorted.get(0).price(),
                sorted.stream().map(Trade::price).max(Comparator.naturalOrder()).orElseThrow(),
                sorted.stream().map(Trade::price).min(Comparator.naturalOrder()).orElseThrow(),
                sorted.get(sorted.size() - 1).price(), sum(sorted, Trade::quantity), closeTime,
                sum(sorted, Trade::quoteQuantity), sorted.size(), sum(takerBuys, Trade::quantity),
                sum(takerBuys, Trade::quoteQuantity));
    }

    private static Minute minute(long open, List<Trade> trades) {
        BigDecimal mean = sum(trades, Trade::price).divide(BigDecimal.valueOf(trades.size()), 8, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return new Minute(candle(open, open + 59_999, trades), mean);
    }

    private static BigDecimal sum(List<Trade> trades, Function<Trade, BigDecimal> field) {
        return trades.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
