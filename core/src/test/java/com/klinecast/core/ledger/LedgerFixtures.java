package com.klinecast.core.ledger;

import com.klinecast.core.bands.StaticRandomWalk;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.LogReturns;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small series, a stub champion source and candle store for the ledger's unit tests. */
final class LedgerFixtures {

    static final Series BTC = Series.of("BTCUSDT", "1d");
    static final long DAY = 86_400_000L;
    static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** Offsets of a band the same at both horizons: p05 .. p95 of the log move. */
    static final double[] OFFSETS = {-0.05, -0.03, -0.01, 0, 0.01, 0.03, 0.05};

    private LedgerFixtures() {
    }

    /** Daily candles opening at START + i days, closing at the last millisecond of their day. */
    static List<Candle> candles(double... closes) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = BigDecimal.valueOf(closes[i]);
            long open = START + i * DAY;
            out.add(new Candle(open, c, c, c, c, BigDecimal.TEN, open + DAY - 1, BigDecimal.ONE, 1, BigDecimal.ONE,
                    BigDecimal.ONE));
        }
        return out;
    }

    /** The drift baseline's forecaster with a chosen mean log return: last × exp(h × mu), and a fixed band. */
    static ServingModel drift(int version, String family, double mu, int horizons) {
        LogReturns scaling = new LogReturns(List.of(Column.CLOSE), new double[] {0, mu}, new double[] {1, 1},
                Target.CLOSE);
        double[][] offsets = new double[horizons][];
        for (int h = 0; h < horizons; h++) {
            offsets[h] = OFFSETS.clone();
        }
        return new ServingModel(version, family, Baselines.forecaster(scaling, horizons, BTC.interval()),
                new StaticRandomWalk(offsets), horizons);
    }

    /** The day-d run's "now": 00:05 after candle d closed (candle d + 1 is open). */
    static Instant runAfter(int d) {
        return Instant.ofEpochMilli(START + (d + 1) * DAY + 300_000);
    }

    /** Candles as the feature table would hand them out (it may hold an open one: the ledger must not use it). */
    static final class Candles implements LedgerCandles {
        final List<Candle> all;

        Candles(List<Candle> all) {
            this.all = all;
        }

        @Override
        public List<Candle> before(Series series, long openTime, int n) {
            List<Candle> before = all.stream().filter(c -> c.openTime() < openTime).toList();
            return before.subList(Math.max(0, before.size() - n), before.size());
        }

        @Override
        public List<Candle> range(Series series, long from, long to) {
            return all.stream().filter(c -> c.openTime() >= from && c.openTime() <= to).toList();
        }
    }

    /** One champion for the close (and one for volatility, if set), a naive version to fall back to; remembers
     * promotions. */
    static final class StubChampions implements Champions {
        ServingModel champion;
        PublishedVolatility volatility;
        final ServingModel naive;
        final List<String> promotions = new ArrayList<>();

        StubChampions(ServingModel champion, ServingModel naive) {
            this.champion = champion;
            this.naive = naive;
        }

        @Override
        public Optional<ServingModel> champion(Series series, Target target) {
            return target == Target.CLOSE ? Optional.ofNullable(champion) : Optional.empty();
        }

        @Override
        public Optional<PublishedVolatility> volatility(Series series) {
            return Optional.ofNullable(volatility);
        }

        @Override
        public Optional<Integer> naiveVersion(Series series, Target target) {
            return Optional.ofNullable(naive).map(ServingModel::version);
        }

        @Override
        public boolean fallBack(Series series, Target target, int version, int judged, String reason) {
            promotions.add(judged + ": " + reason);
            champion = naive;
            return true;
        }
    }
}
