package com.klinecast.core.volatility;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;

/** The mean of the last {@code days} variances repeated: smoother than naive, blind to clustering beyond it. */
public record MeanVariance(int days) implements VolatilityModel {

    public static final int DEFAULT_DAYS = 30;

    public MeanVariance {
        if (days < 1) {
            throw new IllegalArgumentException("a mean needs at least one day, got " + days);
        }
    }

    public static MeanVariance defaults() {
        return new MeanVariance(DEFAULT_DAYS);
    }

    @Override
    @JsonIgnore
    public String family() {
        return "mean" + days;
    }

    @Override
    @JsonIgnore
    public int history() {
        return days;
    }

    @Override
    public double[] forecast(double[] variance, int origin, int maxHorizon) {
        double[] out = new double[maxHorizon];
        Arrays.fill(out, VolatilityModel.mean(variance, origin - days + 1, origin));
        return out;
    }
}
