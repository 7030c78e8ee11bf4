package com.klinecast.core.volatility;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;

/** The last day's variance repeated: the benchmark every volatility model is judged against. */
public record NaiveVariance() implements VolatilityModel {

    @Override
    @JsonIgnore
    public String family() {
        return "naive";
    }

    @Override
    @JsonIgnore
    public int history() {
        return 1;
    }

    @Override
    public double[] forecast(double[] variance, int origin, int maxHorizon) {
        double[] out = new double[maxHorizon];
        Arrays.fill(out, variance[origin]);
        return out;
    }
}
