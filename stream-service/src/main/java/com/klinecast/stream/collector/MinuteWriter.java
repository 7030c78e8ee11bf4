package com.klinecast.stream.collector;

import com.klinecast.stream.minute.MinuteBar;
import com.klinecast.stream.minute.MinuteSink;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collector's closed minutes into the sink, per symbol in time order; a failed write keeps its minutes for the
 * next heartbeat. Used from the collector's one thread only; the counts are read from others.
 */
final class MinuteWriter {

    private final MinuteSink sink;
    private final StreamMetrics metrics;
    private final Clock clock;
    private final PrintStream log;
    private final List<MinuteBar> unwritten = new ArrayList<>();
    private volatile long minutesWritten;
    private volatile long incompleteMinutes;
    private long reportedReconnects;

    MinuteWriter(MinuteSink sink, StreamMetrics metrics, Clock clock, PrintStream log) {
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Writes {@code closed} and any minutes a failed write left.
     *
     * @param reconnects the collector's reconnections so far (each minute's metrics carry those since the last)
     * @param lastTradeTime the newest trade's time, -1 before the first: a minute's lag is measured from it
     */
    void write(List<MinuteBar> closed, long reconnects, long lastTradeTime) {
        unwritten.addAll(closed);
        if (unwritten.isEmpty()) {
            return;
        }
        Map<String, List<MinuteBar>> bySymbol = new LinkedHashMap<>();
        unwritten.forEach(m -> bySymbol.computeIfAbsent(m.symbol(), s -> new ArrayList<>()).add(m));
        for (Map.Entry<String, List<MinuteBar>> entry : bySymbol.entrySet()) {
            try {
                sink.write(entry.getKey(), entry.getValue());
            } catch (RuntimeException e) {
                log.println("stream: writing " + entry.getValue().size() + " " + entry.getKey()
                        + " minutes failed, retried on the next heartbeat: " + e.getMessage());
                continue;
            }
            unwritten.removeAll(entry.getValue());
            long now = clock.millis();
            for (MinuteBar minute : entry.getValue()) {
                minutesWritten++;
                incompleteMinutes += minute.incomplete() ? 1 : 0;
                long lag = lastTradeTime < 0 ? 0 : now - lastTradeTime;
                metrics.minuteWritten(minute, reconnects - reportedReconnects, lag, clock.instant());
                reportedReconnects = reconnects;
            }
        }
    }

    /** Minutes no write has taken yet. */
    int unwritten() {
        return unwritten.size();
    }

    long minutesWritten() {
        return minutesWritten;
    }

    long incompleteMinutes() {
        return incompleteMinutes;
    }
}
