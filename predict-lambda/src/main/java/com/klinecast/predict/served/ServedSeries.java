package com.klinecast.predict.served;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.series.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The series this deployment serves: the series catalog, read once per execution environment (on first use, so
 * not frozen into a SnapStart snapshot) and read again when a request names a series it does not hold, so a
 * series added with {@code klinecast series add} is served without a redeploy. Misses re-read at most once per
 * {@code refreshFloor}, so requests for unknown symbols cannot turn into one catalog read each.
 */
public final class ServedSeries {

    /** Between two re-reads on a miss. */
    public static final Duration REFRESH_FLOOR = Duration.ofSeconds(10);

    private record Snapshot(List<Series> series, Instant readAt) {
    }

    private final SeriesCatalog catalog;
    private final Clock clock;
    private final Duration refreshFloor;
    private volatile Snapshot snapshot;

    public ServedSeries(SeriesCatalog catalog, Clock clock, Duration refreshFloor) {
        this.catalog = catalog;
        this.clock = clock;
        this.refreshFloor = refreshFloor;
    }

    public ServedSeries(SeriesCatalog catalog, Clock clock) {
        this(catalog, clock, REFRESH_FLOOR);
    }

    /** Serves exactly {@code series}, never reading a catalog (tests, and a local server given its series). */
    public static ServedSeries fixed(List<Series> series) {
        List<Series> copy = List.copyOf(series);
        SeriesCatalog fixed = () -> copy;
        return new ServedSeries(fixed, Clock.systemUTC(), Duration.ofDays(36500));
    }

    /** The series served now, sorted by id (the catalog's order). */
    public List<Series> list() {
        Snapshot s = snapshot;
        return s != null ? s.series() : read().series();
    }

    /** Whether {@code series} is served, re-reading the catalog first when it was not (see the class comment). */
    public boolean serves(Series series) {
        Snapshot s = snapshot;
        if (s == null) {
            s = read();
        }
        if (s.series().contains(series)) {
            return true;
        }
        synchronized (this) {
            s = snapshot;
            if (!s.series().contains(series) && !clock.instant().isBefore(s.readAt().plus(refreshFloor))) {
                s = read();
            }
        }
        return s.series().contains(series);
    }

    private synchronized Snapshot read() {
        Snapshot s = new Snapshot(List.copyOf(catalog.list()), clock.instant());
        snapshot = s;
        return s;
    }
}
