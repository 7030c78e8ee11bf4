package com.klinecast.training.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.VarianceProxy;
import java.util.List;

/**
 * Everything a training run depends on besides the data, read from a JSON file (the defaults are
 * {@code training-default.json}) with command-line overrides, and stored in the model's manifest.
 *
 * @param model lstm (the reference design) or mlp (dense layers over the flattened window)
 * @param window input time steps per sample (the reference design: 30)
 * @param columns model inputs, from open, high, low, close, volume
 * @param target what the model forecasts: close, volume or volatility (each has its own versions and champion)
 * @param scaling global_minmax (the reference), window_minmax or log_return
 * @param forecast recursive (one output fed back, as the reference UI does) or direct (one output per horizon up
 *     to the largest of {@code horizons})
 * @param hiddenUnits units of each LSTM (or MLP dense) layer, e.g. [50, 50]
 * @param patience epochs without a better validation loss before training stops
 * @param horizons horizons the backtest reports; the largest is the longest forecast served
 * @param promotionHorizons horizons at which a challenger must beat the champion with evidence (default 1, 7, 30;
 *     those beyond the largest of {@code horizons} are dropped)
 * @param variance how a volatility target measures a day's variance: parkinson (the default) or garman_klass
 * @param maxTrainWindows at most this many training windows, the latest of the training split (0 or absent: all);
 *     bounds a long series' memory and training time (the 1m defaults set it)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TrainingConfig(
        String model,
        int window,
        List<String> columns,
        Target target,
        String scaling,
        String forecast,
        List<Integer> hiddenUnits,
        double dropout,
        int epochs,
        int batchSize,
        double learningRate,
        long seed,
        int patience,
        double validationFraction,
        double testFraction,
        List<Integer> horizons,
        List<Integer> promotionHorizons,
        String variance,
        Integer maxTrainWindows) {

    public TrainingConfig {
        columns = List.copyOf(columns);
        hiddenUnits = List.copyOf(hiddenUnits);
        horizons = List.copyOf(horizons);
        promotionHorizons = promotionHorizons == null ? List.of(1, 7, 30) : List.copyOf(promotionHorizons);
        variance = variance == null ? VarianceProxy.PARKINSON.code() : variance;
        maxTrainWindows = maxTrainWindows == null ? 0 : maxTrainWindows;
        require(maxTrainWindows >= 0, "maxTrainWindows must be 0 (all) or a positive cap, got " + maxTrainWindows);
        require(window >= 2 && window <= 365, "window must be 2..365, got " + window);
        require(!columns.isEmpty(), "columns must name at least one of open, high, low, close, volume");
        columns.forEach(TrainingConfig::column);
        networkKind(model);
        require(target != null, "target must be close, volume or volatility");
        varianceProxy(variance);
        kind(scaling);
        require(kind(scaling) != Scaling.Kind.GLOBAL_MINMAX
                || columns.stream().map(TrainingConfig::column).anyMatch(c -> c == Bar.column(target)),
                "global_minmax scales the target by its own input column: add '" + target.code() + "' to columns");
        Forecaster.Mode.of(forecast);
        require(!hiddenUnits.isEmpty() && hiddenUnits.stream().allMatch(u -> u > 0 && u <= 1024),
                "hiddenUnits must be 1..1024 units per layer, e.g. [50, 50]");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
        require(epochs >= 1 && epochs <= 1000, "epochs must be 1..1000");
        require(batchSize >= 1 && batchSize <= 4096, "batchSize must be 1..4096");
        require(learningRate > 0 && learningRate < 1, "learningRate must be in (0, 1)");
        require(patience >= 1, "patience must be at least 1");
        require(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 0.9,
                "validationFraction and testFraction must be positive and leave most data for training");
        require(!horizons.isEmpty() && horizons.stream().allMatch(h -> h >= 1 && h <= 30),
                "horizons must be 1..30, e.g. [1, 3, 7, 14, 30]");
        int longest = maxHorizon(horizons);
        require(promotionHorizons.stream().allMatch(h -> h >= 1 && h <= 30)
                && promotionHorizons.stream().anyMatch(h -> h <= longest),
                "promotionHorizons must be 1..30 with at least one within horizons, e.g. [1, 7, 30]");
    }

    /** The promotion horizons the forecasts reach, ascending. */
    public int[] promotionHorizonsWithin() {
        return promotionHorizons.stream().mapToInt(Integer::intValue).filter(h -> h <= maxHorizon()).sorted()
                .distinct().toArray();
    }

    private static int maxHorizon(List<Integer> horizons) {
        return horizons.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public List<Column> inputColumns() {
        return columns.stream().map(TrainingConfig::column).toList();
    }

    public NetworkKind networkKind() {
        return networkKind(model);
    }

    public VarianceProxy varianceProxy() {
        return varianceProxy(variance);
    }

    public Scaling.Kind scalingKind() {
        return kind(scaling);
    }

    public Forecaster.Mode forecastMode() {
        return Forecaster.Mode.of(forecast);
    }

    /** Values the network outputs per window: one step for recursion, every horizon for a direct forecast. */
    public int outputs() {
        return forecastMode() == Forecaster.Mode.DIRECT ? maxHorizon() : 1;
    }

    public int maxHorizon() {
        return maxHorizon(horizons);
    }

    public int[] horizonArray() {
        return horizons.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Column column(String name) {
        try {
            return Column.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown column '" + name + "': use open, high, low, close, volume");
        }
    }

    private static NetworkKind networkKind(String name) {
        try {
            return NetworkKind.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training config: " + e.getMessage());
        }
    }

    private static VarianceProxy varianceProxy(String name) {
        try {
            return VarianceProxy.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training config: " + e.getMessage());
        }
    }

    private static Scaling.Kind kind(String name) {
        try {
            return Scaling.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown scaling '" + name
                    + "': use global_minmax, window_minmax or log_return");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("training config: " + message);
        }
    }
}
