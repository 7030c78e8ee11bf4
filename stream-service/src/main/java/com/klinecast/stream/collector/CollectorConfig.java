package com.klinecast.stream.collector;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How a collector runs.
 *
 * @param grace how long after a minute's end (in stream time) trades delivered out of order still count in it
 * @param heartbeat how often (wall time) minutes are closed when no trade arrives, and the connection's age checked
 * @param maxConnectionAge when a new connection replaces the current one: before Binance's 24-hour limit, so the new
 *     one is up before the old one is cut
 * @param replay a replay's server ends the stream with a normal closure when its recording ends; the live stream
 *     never ends by itself, so there any closure is reconnected
 */
public record CollectorConfig(List<String> symbols, URI base, Duration grace, Duration heartbeat,
        Duration maxConnectionAge, boolean replay) {

    public CollectorConfig {
        symbols = List.copyOf(symbols);
        StreamEndpoint.of(base, symbols);
    }

    public static CollectorConfig live(List<String> symbols, URI base) {
        return new CollectorConfig(symbols, base, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofHours(23).plusMinutes(50), false);
    }

    public URI endpoint() {
        return StreamEndpoint.of(base, symbols);
    }
}
