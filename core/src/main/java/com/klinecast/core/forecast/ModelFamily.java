package com.klinecast.core.forecast;

import java.util.Locale;

/**
 * What a version forecasts with, named in its manifest's {@code config.model}: a baseline ({@code naive},
 * {@code drift}: no weights, nothing learned beyond the training split's mean return; for volume also
 * {@code seasonal_naive}, the same weekday last week, and {@code mean7}, the last week's mean) or a trained network
 * ({@code lstm}, {@code mlp}). Versions from before the field are LSTMs.
 */
public enum ModelFamily {
    NAIVE, DRIFT, SEASONAL_NAIVE, MEAN7, LSTM, MLP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isBaseline() {
        return this != LSTM && this != MLP;
    }

    /**
     * Whether it has nothing fitted on any split (naive, seasonal naive, mean7): it may be judged on any window,
     * even one inside another version's training data.
     */
    public boolean fitsNothing() {
        return isBaseline() && this != DRIFT;
    }

    public static ModelFamily of(String name) {
        for (ModelFamily f : values()) {
            if (f.code().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': use naive, drift, seasonal_naive, mean7, lstm or mlp");
    }
}
