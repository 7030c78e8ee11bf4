package com.klinecast.core.fanout;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.config.ConfigException;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one schedule's tick into one task per due series: the catalog's series (none while it is empty) at
 * the intervals the schedule names. Its event's detail: {@code {"intervals": ["1h"]}}, optionally narrowed by
 * {@code "symbols"}, with {@code "from"} for series not yet started.
 */
public final class Planner {

    private final IngestConfig config;
    private final SeriesCatalog catalog;
    private final TaskQueue queue;

    public Planner(IngestConfig config, SeriesCatalog catalog, TaskQueue queue) {
        this.config = config;
        this.catalog = catalog;
        this.queue = queue;
    }

    /** @return the tasks sent, in catalog order; none when no series of the schedule's intervals exists */
    public List<SeriesTask> plan(Map<String, Object> detail) {
        Map<String, Object> d = detail == null ? Map.of() : detail;
        Set<Interval> intervals = intervalsOf(IngestConfig.stringsOf(d.get("intervals"), "intervals"));
        List<String> symbols = IngestConfig.stringsOf(d.get("symbols"), "symbols");
        Instant from = config.from(d);
        List<SeriesTask> tasks = new ArrayList<>();
        for (Series series : catalog.list()) {
            if ((intervals == null || intervals.contains(series.interval()))
                    && (symbols == null || symbols.contains(series.symbol()))) {
                tasks.add(new SeriesTask(series, from, 0));
            }
        }
        queue.sendAll(tasks);
        return tasks;
    }

    private static Set<Interval> intervalsOf(List<String> codes) {
        if (codes == null) {
            return null;
        }
        Set<Interval> out = new TreeSet<>();
        for (String code : codes) {
            try {
                out.add(Interval.parse(code));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("the event's detail.intervals: " + e.getMessage());
            }
        }
        return out;
    }

    /** For the planner's log line. */
    public static String describe(List<SeriesTask> tasks, Instant at) {
        return "planned " + tasks.size() + " series at " + at + ": "
                + String.join(", ", tasks.stream().map(t -> t.series().id()).toList());
    }
}
