package com.klinecast.core.registry;

import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The version a series serves, as recorded in {@code champion.json}. {@code previous} lists the earlier champions,
 * most recent first, for {@link ModelRegistry#rollback}; {@code revision} counts the changes (1 for the first
 * champion), one {@code champion-log/r{NNNNNN}.json} each.
 */
public record Champion(Series series, int version, int revision, Instant promotedAt, String reason,
                       List<Integer> previous) {

    public Champion {
        Objects.requireNonNull(series, "series");
        ModelKeys.requireVersion(version);
        if (revision < 1 || revision > ModelKeys.MAX_NUMBER) {
            throw new IllegalArgumentException("invalid champion revision " + revision);
        }
        Objects.requireNonNull(promotedAt, "promotedAt");
        reason = reason == null ? "" : reason;
        previous = List.copyOf(previous);
        previous.forEach(ModelKeys::requireVersion);
    }
}
