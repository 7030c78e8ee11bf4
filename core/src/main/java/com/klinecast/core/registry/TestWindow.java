package com.klinecast.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * The period a model was back-tested on (open times of the first and last test candles, inclusive). Two
 * {@link ModelManifest#promotionScore() promotion scores} are comparable only on the same window; the manifest
 * stores both ends as ISO-8601 instants.
 */
public record TestWindow(Instant from, Instant to) {

    public TestWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("test window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static TestWindow parse(String from, String to) {
        return new TestWindow(Instant.parse(from), Instant.parse(to));
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
