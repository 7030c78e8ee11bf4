package com.klinecast.training.volatility;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.volatility.Har;
import com.klinecast.core.volatility.MeanVariance;
import com.klinecast.core.volatility.NaiveVariance;
import com.klinecast.core.volatility.VolatilityBacktest;
import com.klinecast.core.volatility.VolatilityForecasts;
import com.klinecast.core.volatility.VolatilityModel;
import com.klinecast.core.volatility.VolatilityReport;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The volatility models of a series, fitted on its training split: naive, the 30-day mean, and HAR on the scale
 * (log variance or variance) whose validation QLIKE relative to naive, averaged over the horizons, is lower. Then
 * each is backtested on the test split, which chose nothing.
 */
public final class VolatilityFits {

    private VolatilityFits() {
    }

    public static List<VolatilityCandidate> fit(double[] variance, long[] openTimes, Split split, int[] horizons,
            int maxHorizon) {
        Map<String, Object> harChoice = new LinkedHashMap<>();
        Har har = chooseHar(variance, openTimes, split, horizons, maxHorizon, harChoice);
        return List.of(
                evaluate(new NaiveVariance(), Map.of(), variance, openTimes, split, horizons, maxHorizon),
                evaluate(MeanVariance.defaults(), Map.of(), variance, openTimes, split, horizons, maxHorizon),
                evaluate(har, harChoice, variance, openTimes, split, horizons, maxHorizon));
    }

    /** HAR fitted on both scales on the training split; the one better on validation, scored on it alone. */
    static Har chooseHar(double[] variance, long[] openTimes, Split split, int[] horizons, int maxHorizon,
            Map<String, Object> choice) {
        Har log = Har.fit(variance, 0, split.trainEnd(), true);
        Har level = Har.fit(variance, 0, split.trainEnd(), false);
        // Cut at the validation split's end: no validation score reads a test day.
        double[] seen = Arrays.copyOf(variance, split.validationEnd());
        double logScore = validationScore(log, seen, openTimes, split, horizons, maxHorizon);
        double levelScore = validationScore(level, seen, openTimes, split, horizons, maxHorizon);
        choice.put("split", "validation");
        choice.put("meanQlikeRatio", Map.of("log", logScore, "level", levelScore));
        choice.put("scale", logScore <= levelScore ? "log" : "level");
        return logScore <= levelScore ? log : level;
    }

    /** Mean over the horizons of the validation QLIKE ratio, from origins in the validation split only. */
    static double validationScore(VolatilityModel model, double[] seen, long[] openTimes, Split split,
            int[] horizons, int maxHorizon) {
        VolatilityForecasts forecasts = VolatilityForecasts.of(model, seen, split.trainEnd() - 1,
                split.validationEnd() - 1, maxHorizon);
        VolatilityReport report = VolatilityBacktest.evaluate(seen, openTimes, forecasts, horizons);
        return report.horizons().stream().mapToDouble(m -> m.qlikeRatio()).average().orElseThrow();
    }

    private static VolatilityCandidate evaluate(VolatilityModel model, Map<String, Object> validation,
            double[] variance, long[] openTimes, Split split, int[] horizons, int maxHorizon) {
        return evaluate(model, validation, Map.of(), variance, openTimes, split, horizons, maxHorizon);
    }

    /** The model's forecasts from every test origin, and their backtest beside naive. */
    static VolatilityCandidate evaluate(VolatilityModel model, Map<String, Object> validation,
            Map<String, Object> training, double[] variance, long[] openTimes, Split split, int[] horizons,
            int maxHorizon) {
        VolatilityForecasts onTest = VolatilityForecasts.of(model, variance, split.validationEnd() - 1,
                variance.length - 1, maxHorizon);
        return new VolatilityCandidate(model, validation, training, onTest,
                VolatilityBacktest.evaluate(variance, openTimes, onTest, horizons));
    }
}
