package com.klinecast.stream.minute;

import com.klinecast.core.series.Interval;
import com.klinecast.stream.trade.Trade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trades in, closed minutes out, per symbol, by trade time; pure (no clock, no I/O: the caller passes "now"), so
 * every rule here is tested without a socket.
 *
 * <p>A minute closes once the stream's time (the latest trade time seen, or the heartbeat's now when no trade
 * arrives) has passed its end by {@code grace}, which leaves room for trades delivered slightly out of order. A
 * minute is marked incomplete when trades may be missing from it: a gap in trade ids (inside it, or since the
 * previous minute written), no live connection for all of it (the collector started or reconnected after it
 * opened, or lost its connection while it was open), or a shutdown before it closed. Trades are de-duplicated by
 * id; one for a minute already written cannot be added any more and is counted as dropped.
 */
public final class MinuteAggregator {

    private static final long MINUTE = Interval.M1.approximateMillis();

    private final long graceMillis;
    private final Map<String, SymbolMinutes> symbols = new HashMap<>();
    private long streamTime = Long.MIN_VALUE;
    private Long connectedSince;
    private long duplicates;
    private long dropped;

    public MinuteAggregator(Duration grace) {
        this.graceMillis = grace.toMillis();
    }

    /** A connection is up (the first, or one after an outage): minutes that opened before now may lack trades. */
    public void connected(long now) {
        if (connectedSince == null) {
            connectedSince = now;
        }
    }

    /** No connection is left: every open minute may lack trades. */
    public void disconnected() {
        connectedSince = null;
        symbols.values().forEach(s -> s.open.values().forEach(MinuteBuilder::markIncomplete));
    }

    /** Adds a trade; returns the minutes its time closes, oldest first. */
    public List<MinuteBar> accept(Trade trade) {
        SymbolMinutes minutes = symbols.computeIfAbsent(trade.symbol(), s -> new SymbolMinutes());
        long openTime = MinuteBar.minuteOf(trade.time());
        if (openTime < minutes.closedBefore) {
            if (minutes.lastClosedId != null && trade.id() <= minutes.lastClosedId) {
                duplicates++;
            } else {
                dropped++;
            }
        } else {
            MinuteBuilder minute = minutes.open.computeIfAbsent(openTime, t -> {
                MinuteBuilder created = new MinuteBuilder(trade.symbol(), t);
                if (connectedSince == null || connectedSince > t) {
                    created.markIncomplete();
                }
                return created;
            });
            if (!minute.add(trade)) {
                duplicates++;
            }
        }
        return advance(trade.time());
    }

    /** The heartbeat: closes the minutes that ended more than the grace before {@code now}, oldest first. */
    public List<MinuteBar> advance(long now) {
        streamTime = Math.max(streamTime, now);
        long closedBefore = MinuteBar.minuteOf(streamTime - graceMillis);
        List<MinuteBar> closed = new ArrayList<>();
        for (SymbolMinutes minutes : symbols.values()) {
            minutes.closeBefore(closedBefore, closed);
        }
        closed.sort(BY_TIME);
        return closed;
    }

    /**
     * Every open minute, for a shutdown (marked incomplete: the minute did not end) or the end of a replay (the
     * recording holds nothing more, so the last minute is as complete as the file).
     */
    public List<MinuteBar> flush(boolean incomplete) {
        List<MinuteBar> closed = new ArrayList<>();
        for (SymbolMinutes minutes : symbols.values()) {
            if (incomplete) {
                minutes.open.values().forEach(MinuteBuilder::markIncomplete);
            }
            minutes.closeBefore(Long.MAX_VALUE, closed);
        }
        closed.sort(BY_TIME);
        return closed;
    }

    /** Trades seen twice (a resent frame, two connections overlapping during a rotation). */
    public long duplicates() {
        return duplicates;
    }

    /** Trades that arrived after their minute was written. */
    public long dropped() {
        return dropped;
    }

    /** The latest trade time seen or heartbeat time, epoch ms. */
    public long streamTime() {
        return streamTime;
    }

    private static final Comparator<MinuteBar> BY_TIME =
            Comparator.comparingLong(MinuteBar::openTime).thenComparing(MinuteBar::symbol);

    private static final class SymbolMinutes {
        final TreeMap<Long, MinuteBuilder> open = new TreeMap<>();
        /** Minutes opening before this are written: a trade for one of them comes too late. */
        long closedBefore = Long.MIN_VALUE;
        Long lastClosedId;

        void closeBefore(long boundary, List<MinuteBar> out) {
            while (!open.isEmpty() && open.firstKey() < boundary) {
                MinuteBuilder minute = open.pollFirstEntry().getValue();
                if (!minute.contiguous() || (lastClosedId != null && minute.firstId() != lastClosedId + 1)) {
                    minute.markIncomplete();
                }
                lastClosedId = minute.lastId();
                out.add(minute.build());
            }
            closedBefore = Math.max(closedBefore, boundary);
        }
    }
}
