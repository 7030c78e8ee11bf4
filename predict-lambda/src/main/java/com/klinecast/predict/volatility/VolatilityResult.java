package com.klinecast.predict.volatility;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.predict.forecast.ExpectedRange;
import java.util.List;

/**
 * The body of {@code GET /forecast?target=volatility}: per step, the forecast mean daily variance over the next h
 * days, as a daily standard deviation in percent and as the expected ±1σ range of the price at that horizon
 * around the last close. {@code quality} is the version's test backtest (QLIKE and MSE beside naive volatility).
 */
public record VolatilityResult(String symbol, String interval, String target, ModelInfo model, String asOf,
        boolean stale, long intervalsBehind, double lastClose, List<Point> forecast, Quality quality,
        String disclaimer) {

    /** Which version answered: its family (naive, mean30, har), the variance it forecasts, what it saw. */
    public record ModelInfo(int version, String source, String family, String variance, String trainedUntil,
            String validatedUntil, int maxDays) {
    }

    /**
     * @param variance the mean daily variance of log price forecast over the h days
     * @param dailyVolatilityPct its square root, in percent per day
     * @param rangePct √h × that: one standard deviation of the h-day move, in percent
     */
    public record Point(int horizon, String time, double variance, double dailyVolatilityPct, double rangePct,
            ExpectedRange expectedRange) {
    }

    public record Quality(String testFrom, String testTo, JsonNode horizons) {
    }
}
