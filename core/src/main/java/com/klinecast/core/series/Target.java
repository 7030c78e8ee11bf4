package com.klinecast.core.series;

import com.klinecast.core.text.Echo;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a model forecasts from a series: the close price (the default, and everything trained before targets
 * existed) or the traded volume. Named in configuration, manifests and the API as {@code close} or {@code volume}.
 * Each target has its own registry keys and champion ({@code ModelKeys}), so a volume model never competes with,
 * or replaces, the close champion.
 */
public enum Target {
    CLOSE,
    VOLUME;

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
        throw new IllegalArgumentException("unknown target '" + Echo.shorten(name) + "': use close or volume");
    }
}
