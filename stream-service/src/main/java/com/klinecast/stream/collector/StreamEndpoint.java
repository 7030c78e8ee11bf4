package com.klinecast.stream.collector;

import com.klinecast.core.series.Series;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The combined-stream URL of a set of symbols: {@code BASE/stream?streams=btcusdt@trade/ethusdt@trade}. Binance
 * allows at most 1,024 streams on one connection, so more are refused here rather than by the exchange.
 */
public final class StreamEndpoint {

    /** Binance's market-data-only WebSocket host (no user-data streams, same trade frames). */
    public static final URI BINANCE = URI.create("wss://data-stream.binance.vision");
    public static final int MAX_STREAMS = 1_024;

    private StreamEndpoint() {
    }

    public static URI of(URI base, List<String> symbols) {
        if (symbols.isEmpty() || symbols.size() > MAX_STREAMS) {
            throw new IllegalArgumentException("a connection carries 1 to " + MAX_STREAMS + " streams, not "
                    + symbols.size());
        }
        String streams = symbols.stream().map(Series::requireSymbol)
                .map(s -> s.toLowerCase(Locale.ROOT) + "@trade").collect(Collectors.joining("/"));
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + "/stream?streams=" + streams);
    }
}
