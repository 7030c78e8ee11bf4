package com.klinecast.predict.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.klinecast.predict.model.HorizonSkill;
import com.klinecast.predict.model.ServedModel;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /forecast}. Times are candle open times (ISO-8601, UTC); {@code asOf} is the last closed
 * candle the forecast starts from, and each forecast point is the candle {@code horizon} intervals after it.
 * {@code target} says what is forecast: {@code close} (points carry {@code close}) or {@code volume} (points carry
 * {@code volume}; bands and skill are then of the volume too).
 */
public record ForecastResult(String symbol, String interval, String target, ModelInfo model, ServedModel.Fallback fallback,
        String asOf, boolean stale, long intervalsBehind, List<HistoryPoint> history, List<ForecastPoint> forecast,
        Quality quality, String disclaimer) {

    /**
     * Which version answered, its family (naive, drift, lstm, mlp; {@code network} repeats it for older clients),
     * its band method (null for versions from before bands), what it was trained on, and why it serves.
     */
    public record ModelInfo(int version, String source, String family, String network, String band,
            String trainedFrom, String trainedUntil, String createdAt, String scaling, int window, int maxDays,
            String reason) {
    }

    public record HistoryPoint(String time, double open, double high, double low, double close, double volume) {
    }

    /**
     * A predicted close, or volume, with its 80% interval ({@code low} and {@code high}: the 10% and 90% quantiles;
     * null when the version has no band) and every quantile of its band ({@code p05} .. {@code p95}, ascending;
     * absent for versions from before bands). Only the forecast target's field is written. Every value is
     * rounded to the decimals the symbol's candles are quoted in (its tick size: 2 for the USDT pairs).
     * {@code expectedRange}: for a close, ±1σ of the h-day move around it from the volatility champion (absent
     * without one).
     */
    public record ForecastPoint(int horizon, String time, @JsonInclude(JsonInclude.Include.NON_NULL) Double close,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double volume, Double low, Double high,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> quantiles,
            @JsonInclude(JsonInclude.Include.NON_NULL) ExpectedRange expectedRange) {
    }

    /** The version's walk-forward backtest on its test window, per horizon, beside the naive forecast. */
    public record Quality(String testFrom, String testTo, List<HorizonSkill> horizons) {
    }
}
