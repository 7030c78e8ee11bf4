package com.klinecast.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The live record of a series' target, as {@code GET /skill} and {@code klinecast skill --json} print it. Times
 * are ISO-8601 UTC; a number with no matured forecast behind it is null.
 *
 * @param asOf the newest origin the ledger holds
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SkillReport(String symbol, String interval, String target, String asOf, List<Window> windows,
        List<VersionSpan> versions) {

    /**
     * A window: {@code 30d}, {@code 90d}, {@code 365d} (forecasts whose candle opened in the trailing days up to
     * {@code asOf}) or {@code version N} (every forecast that version made while it served).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Window(String window, String from, String to, List<HorizonSkill> horizons) {

        public HorizonSkill at(int horizon) {
            return horizons.stream().filter(h -> h.horizon() == horizon).findFirst().orElse(null);
        }
    }

    /**
     * One horizon over a window: matured forecasts, MASE against naive on the same origins (mean absolute error
     * over naive's), the one-sided HLN-DM p-value of "the served forecasts err less than naive", the share of
     * closes inside the 50/80/90% bands, and the mean pinball loss over the quantiles.
     *
     * <p>For volatility: {@code qlikeRatio} (mean QLIKE over naive volatility's on the same origins) and
     * {@code mseRatio} (mean squared error over naive's), {@code dmPValue} on the QLIKE differential; the
     * close-only fields are null. The two ratios are absent from close and volume reports.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HorizonSkill(int horizon, String window, int matured, Double mase, Double dmPValue,
            Double coverage50, Double coverage80, Double coverage90, Double pinball,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double qlikeRatio,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double mseRatio) {

        /** A close or volume horizon. */
        public HorizonSkill(int horizon, String window, int matured, Double mase, Double dmPValue,
                Double coverage50, Double coverage80, Double coverage90, Double pinball) {
            this(horizon, window, matured, mase, dmPValue, coverage50, coverage80, coverage90, pinball, null, null);
        }
    }

    /**
     * A span of origins one version served (a version serving twice, as after a rollback, has two spans).
     *
     * @param variance for volatility, the measure of a day's variance it forecast ({@code parkinson}, or
     *     {@code parkinson+1h} with days from their hourly candles); absent otherwise
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VersionSpan(int version, String family, String bandMethod, String from, String to,
            @JsonInclude(JsonInclude.Include.NON_NULL) String variance) {

        public VersionSpan(int version, String family, String bandMethod, String from, String to) {
            this(version, family, bandMethod, from, to, null);
        }
    }

    public Window window(String name) {
        return windows.stream().filter(w -> w.window().equals(name)).findFirst().orElse(null);
    }
}
