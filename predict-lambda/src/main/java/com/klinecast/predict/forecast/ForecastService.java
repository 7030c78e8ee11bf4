package com.klinecast.predict.forecast;

import com.klinecast.core.bands.Band;
import com.klinecast.core.bands.Levels;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.evaluation.ResidualIntervals;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.predict.forecast.ForecastException.Kind;
import com.klinecast.predict.model.ModelCache;
import com.klinecast.predict.model.ServedModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-step forecasts from the served model: the latest candles from the feature table (one query), the
 * model's forecast over them, its band's quantiles, and its backtest skill beside naive; a close forecast also
 * carries the volatility champion's expected range per step when the series has one. The query's target picks
 * the models (close or volume champion, or a pinned version of that target; volatility is VolatilityService's).
 */
public final class ForecastService {

    /** Candles of history returned with a forecast: what the chart shows. */
    public static final int HISTORY = 50;

    static final String DISCLAIMER = "Not financial advice: a statistical forecast from past prices, shown beside "
            + "the naive 'no change' forecast it often fails to beat.";

    private final ModelCache models;
    private final CandleHistory candles;
    private final Clock clock;
    private final ExpectedRanges ranges;

    public ForecastService(ModelCache models, CandleHistory candles, Clock clock) {
        this(models, candles, clock, ExpectedRanges.NONE);
    }

    public ForecastService(ModelCache models, CandleHistory candles, Clock clock, ExpectedRanges ranges) {
        this.models = models;
        this.candles = candles;
        this.clock = clock;
        this.ranges = ranges;
    }

    public ForecastResult forecast(ForecastQuery query) {
        Series series = query.series();
        Target target = query.target();
        ServedModel served = query.version().isPresent()
                ? models.version(series, target, query.version().getAsInt()) : models.champion(series, target);
        if (query.steps() < 1 || query.steps() > served.maxSteps()) {
            throw new ForecastException(Kind.BAD_REQUEST, "invalid days", "'days' must be from 1 to "
                    + served.maxSteps() + " (the longest horizon version " + served.version() + " was evaluated at), "
                    + "got " + query.steps());
        }
        Forecaster forecaster = served.published().forecaster();
        if (forecaster.target() != target) {
            // The registry keeps targets apart; a version that says otherwise was written there by hand.
            throw ForecastException.unavailable("model unusable", series + " " + target.code() + " version "
                    + served.version() + " forecasts the " + forecaster.target().code());
        }
        Band band = served.published().band();
        int need = Math.max(forecaster.barsNeeded(), band == null ? 0 : band.barsNeeded());
        List<Candle> recent = candles.latest(series, Math.max(HISTORY, need));
        if (recent.size() < need) {
            throw ForecastException.unavailable("missing features", "a forecast needs the last " + need
                    + " closed candles of " + series + "; the feature table has " + recent.size()
                    + ": run the ingest (backfill) for this series");
        }
        List<Bar> bars = recent.stream().map(Bar::of).toList();
        double[] closes = forecaster.forecast(bars, query.steps());
        double[][] quantiles = band == null ? null : band.quantiles(bars, closes);
        ExpectedRange[] expected = target == Target.CLOSE ? expectedRanges(series, bars, closes) : null;
        Candle last = recent.get(recent.size() - 1);
        long behind = series.interval().closedSince(last.openTime(), clock.millis());
        return new ForecastResult(series.symbol(), series.interval().code(), target.code(), modelInfo(served),
                served.fallback(), iso(last.openTime()), behind > 1, behind, history(recent),
                points(series.interval(), last.openTime(), closes, quantiles, served.intervals(), target, expected,
                        target == Target.VOLUME ? TickSize.ofVolumes(recent) : TickSize.ofPrices(recent)),
                quality(served),
                DISCLAIMER);
    }

    /** The volatility champion's ranges; an extra, so a failure to read it never fails the close forecast. */
    private ExpectedRange[] expectedRanges(Series series, List<Bar> bars, double[] closes) {
        try {
            return ranges.around(series, bars, closes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ForecastResult.ModelInfo modelInfo(ServedModel served) {
        ModelManifest manifest = served.manifest();
        String family = served.published().family().code();
        Band band = served.published().band();
        return new ForecastResult.ModelInfo(manifest.version(), served.source().name().toLowerCase(Locale.ROOT),
                family, family, band == null ? null : band.method(),
                textOrNull(manifest.trainingData().path("trainFrom").asText(null)),
                served.published().trainedUntil().toString(), manifest.createdAt().toString(),
                textOrNull(manifest.config().path("scaling").asText(null)), manifest.features().path("window").asInt(),
                served.maxSteps(), served.reason());
    }

    private static List<ForecastResult.HistoryPoint> history(List<Candle> recent) {
        List<ForecastResult.HistoryPoint> out = new ArrayList<>(HISTORY);
        for (Candle c : recent.subList(Math.max(0, recent.size() - HISTORY), recent.size())) {
            out.add(new ForecastResult.HistoryPoint(iso(c.openTime()), c.open().doubleValue(), c.high().doubleValue(),
                    c.low().doubleValue(), c.close().doubleValue(), c.volume().doubleValue()));
        }
        return out;
    }

    /**
     * @param quantiles per horizon, the band's quantiles (null without a band; then legacy intervals, if any)
     * @param tick what every value is rounded to: the decimals the candles are quoted in
     */
    private static List<ForecastResult.ForecastPoint> points(Interval interval, long lastOpen, double[] closes,
            double[][] quantiles, ResidualIntervals intervals, Target target, ExpectedRange[] expected,
            TickSize tick) {
        List<ForecastResult.ForecastPoint> out = new ArrayList<>(closes.length);
        long time = lastOpen;
        for (int h = 1; h <= closes.length; h++) {
            time = interval.nextOpenTime(time);
            double close = tick.round(closes[h - 1]);
            boolean volume = target == Target.VOLUME;
            Double low = null;
            Double high = null;
            Map<String, Double> named = null;
            if (quantiles != null) {
                double[] q = quantiles[h - 1];
                low = tick.round(q[Levels.P10]);
                high = tick.round(q[Levels.P90]);
                named = new LinkedHashMap<>();
                for (int i = 0; i < q.length; i++) {
                    named.put(Levels.NAMES[i], tick.round(q[i]));
                }
            } else if (intervals != null) {
                low = tick.round(intervals.lowerBound(h, closes[h - 1]));
                high = tick.round(intervals.upperBound(h, closes[h - 1]));
            }
            out.add(new ForecastResult.ForecastPoint(h, iso(time), volume ? null : close, volume ? close : null, low,
                    high, named, expected == null ? null : expected[h - 1]));
        }
        return out;
    }

    private static ForecastResult.Quality quality(ServedModel served) {
        ModelManifest manifest = served.manifest();
        return new ForecastResult.Quality(manifest.testWindow().from().toString(),
                manifest.testWindow().to().toString(), served.skill());
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String textOrNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
