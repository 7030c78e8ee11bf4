package com.klinecast.core.volatility;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.text.Echo;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * The variance of a candle's log price estimated from its own open, high, low and close: daily candles carry no
 * finer returns. Named in configuration and manifests as {@code parkinson} or {@code garman_klass}.
 */
public enum VarianceProxy {
    /** ln(high / low)² / (4 ln 2): the range alone, unbiased for a driftless Brownian path. */
    PARKINSON {
        @Override
        double estimate(Bar bar) {
            double range = Math.log(bar.high() / bar.low());
            return range * range / (4 * Math.log(2));
        }
    },
    /** ½ ln(high / low)² − (2 ln 2 − 1) ln(close / open)²: adds the open-to-close move, about 7 times as efficient. */
    GARMAN_KLASS {
        @Override
        double estimate(Bar bar) {
            double range = Math.log(bar.high() / bar.low());
            double body = Math.log(bar.close() / bar.open());
            return 0.5 * range * range - (2 * Math.log(2) - 1) * body * body;
        }
    };

    /**
     * Floor of a day's variance: a flat candle (high = low) would give 0, where QLIKE and log models are undefined.
     * 1e-10 is a daily deviation of 0.001%, far below any traded day.
     */
    public static final double FLOOR = 1e-10;

    abstract double estimate(Bar bar);

    /** The candle's variance of log price, never below {@link #FLOOR}. */
    public double of(Bar bar) {
        return Math.max(FLOOR, estimate(bar));
    }

    /** Every bar's variance, floored, in order. */
    public double[] of(List<Bar> bars) {
        double[] v = new double[bars.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = of(bars.get(i));
        }
        return v;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VarianceProxy of(String name) {
        for (VarianceProxy p : values()) {
            if (p.code().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown variance '" + Echo.shorten(name) + "': use parkinson or "
                + "garman_klass");
    }
}
