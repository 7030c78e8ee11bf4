package com.klinecast.core.series;

import com.klinecast.core.text.Echo;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a model forecasts from a series: the close price (the default, and everything trained before targets
 * existed), the traded volume, or the daily variance of the log price ({@code core/volatility}). Named in
 * configuration, manifests and the API as {@code close}, {@code volume} or {@code volatility}. Each target has its
 * own registry keys and champion ({@code ModelKeys}), so a volume or volatility model never competes with, or
 * replaces, another target's champion.
 */
public enum Target {
    CLOSE,
    VOLUME,
    VOLATILITY;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Strict: an unknown name is an error, never silently the close. */
    @JsonCreator
    public static Target of(String name) {
        for (Target t : values()) {
            if (t.code().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + Echo.shorten(name) + "': use close, volume or volatility");
    }
}
