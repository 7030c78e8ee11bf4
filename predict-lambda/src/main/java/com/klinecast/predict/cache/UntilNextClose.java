package com.klinecast.predict.cache;

import com.klinecast.core.series.Interval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values kept per execution environment until the next candle of their series closes, when what they were read
 * from can first change; then read again. A value read while the store still lacks the newest closed candle
 * (ingest writes a few minutes after the close) is read again after {@code retry} instead, so it is picked up soon
 * after it lands, without a read per request meanwhile. Keys are bounded by the served series.
 */
public final class UntilNextClose<K, V> {

    private record Entry<V>(V value, Instant until) {
    }

    private final Clock clock;
    private final Duration retry;
    private final Duration maxAge;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /**
     * @param retry how soon a value that is behind the newest close is read again
     * @param maxAge the longest any value is kept, whatever the interval
     */
    public UntilNextClose(Clock clock, Duration retry, Duration maxAge) {
        this.clock = clock;
        this.retry = retry;
        this.maxAge = maxAge;
    }

    /**
     * @param current whether a freshly read value already holds the newest closed candle
     */
    public V get(K key, Interval interval, Supplier<V> read, Predicate<V> current) {
        Instant now = clock.instant();
        Entry<V> cached = entries.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        V value = read.get();
        Instant until = current.test(value) ? CandleClock.nextClose(interval, now) : now.plus(retry);
        Instant cap = now.plus(maxAge);
        entries.put(key, new Entry<>(value, until.isAfter(cap) ? cap : until));
        return value;
    }
}
