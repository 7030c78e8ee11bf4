package com.klinecast.predict.volatility;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelNotFoundException;
import com.klinecast.core.series.Series;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.predict.forecast.CandleHistory;
import com.klinecast.predict.forecast.ExpectedRange;
import com.klinecast.predict.forecast.ExpectedRanges;
import com.klinecast.predict.forecast.ForecastException;
import com.klinecast.predict.forecast.ForecastException.Kind;
import com.klinecast.predict.forecast.ForecastQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Volatility forecasts from the volatility champion (or a pinned version) over the latest candles. */
public final class VolatilityService implements ExpectedRanges {

    static final String DISCLAIMER = "Not financial advice: a statistical forecast of how far the price may move, "
            + "from past daily ranges; the range is one standard deviation, and larger moves happen.";

    private final VolatilityModels models;
    private final CandleHistory candles;
    private final Clock clock;

    public VolatilityService(VolatilityModels models, CandleHistory candles, Clock clock) {
        this.models = models;
        this.candles = candles;
        this.clock = clock;
    }

    public VolatilityResult forecast(ForecastQuery query) {
        Series series = query.series();
        PublishedVolatility model;
        String source;
        if (query.version().isPresent()) {
            try {
                model = models.version(series, query.version().getAsInt());
            } catch (ModelNotFoundException e) {
                throw new ForecastException(Kind.NOT_FOUND, "unknown version", series + " has no volatility version "
                        + query.version().getAsInt());
            }
            source = "pinned";
        } else {
            model = models.champion(series).orElseThrow(() -> ForecastException.unavailable("no model yet",
                    "no volatility model has been published for " + series + ": run train --target volatility"));
            source = "champion";
        }
        int maxDays = model.maxHorizon();
        if (query.steps() > maxDays) {
            throw new ForecastException(Kind.BAD_REQUEST, "invalid days", "'days' must be from 1 to " + maxDays
                    + " (the longest horizon volatility version " + model.manifest().version() + " was evaluated at), "
                    + "got " + query.steps());
        }
        int need = model.model().history();
        List<Candle> recent = candles.latest(series, need);
        if (recent.size() < need) {
            throw ForecastException.unavailable("missing features", "a volatility forecast needs the last " + need
                    + " closed candles of " + series + "; the feature table has " + recent.size());
        }
        List<Bar> bars = recent.stream().map(Bar::of).toList();
        double[] variance = model.forecast(bars, hours(series, model, need), query.steps());
        Bar last = bars.get(bars.size() - 1);
        List<VolatilityResult.Point> points = new ArrayList<>();
        long time = last.openTime();
        for (int h = 1; h <= variance.length; h++) {
            time = series.interval().nextOpenTime(time);
            double daily = Math.sqrt(variance[h - 1]);
            points.add(new VolatilityResult.Point(h, iso(time), variance[h - 1], 100 * daily,
                    100 * daily * Math.sqrt(h), ExpectedRange.around(last.close(), variance[h - 1], h)));
        }
        ModelManifest manifest = model.manifest();
        long behind = series.interval().closedSince(last.openTime(), clock.millis());
        return new VolatilityResult(series.symbol(), series.interval().code(), "volatility",
                new VolatilityResult.ModelInfo(manifest.version(), source, model.model().family(),
                        model.proxy().code(), manifest.trainingData().path("trainTo").asText(null),
                        model.validatedUntil().toString(), maxDays),
                iso(last.openTime()), behind > 1, behind, last.close(), points,
                new VolatilityResult.Quality(manifest.testWindow().from().toString(),
                        manifest.testWindow().to().toString(), manifest.metrics().path("test").path("horizons")),
                DISCLAIMER);
    }

    /**
     * The close forecast's expected range per step, around each forecast close, from the volatility champion; null
     * when the series has none (or it cannot forecast that far).
     */
    @Override
    public ExpectedRange[] around(Series series, List<Bar> bars, double[] closes) {
        PublishedVolatility model = models.champion(series).orElse(null);
        if (model == null || closes.length > model.maxHorizon() || bars.size() < model.model().history()) {
            return null;
        }
        double[] variance = model.forecast(bars, hours(series, model, model.model().history()), closes.length);
        ExpectedRange[] out = new ExpectedRange[closes.length];
        for (int h = 1; h <= closes.length; h++) {
            out[h - 1] = ExpectedRange.around(closes[h - 1], variance[h - 1], h);
        }
        return out;
    }

    /**
     * The 1h candles of the last {@code days} days when the version measured days from their hours (it then reads
     * them the same way: a day with all 24 hours from them, others from its own candle); none otherwise.
     */
    private List<Bar> hours(Series series, PublishedVolatility model, int days) {
        return model.measure().hours(series).map(h -> candles.latest(h, days * 24).stream().map(Bar::of).toList())
                .orElse(List.of());
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
