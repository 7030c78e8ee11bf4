package com.klinecast.stream.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamEndpointTest {

    @Test
    void symbolsBecomeTheCombinedStreamsTradeStreams() {
        assertEquals(URI.create("wss://data-stream.binance.vision/stream?streams=btcusdt@trade/ethusdt@trade"),
                StreamEndpoint.of(StreamEndpoint.BINANCE, List.of("BTCUSDT", "ETHUSDT")));
        assertEquals(URI.create("ws://127.0.0.1:9/stream?streams=btcusdt@trade"),
                StreamEndpoint.of(URI.create("ws://127.0.0.1:9/"), List.of("BTCUSDT")));
    }

    @Test
    void moreThan1024StreamsOrABadSymbolAreRefused() {
        List<String> many = IntStream.range(0, 1_025).mapToObj(i -> "S" + i).toList();
        assertThrows(IllegalArgumentException.class, () -> StreamEndpoint.of(StreamEndpoint.BINANCE, many));
        assertEquals(1_024, many.subList(0, 1_024).size());
        StreamEndpoint.of(StreamEndpoint.BINANCE, many.subList(0, 1_024));
        assertThrows(IllegalArgumentException.class, () -> StreamEndpoint.of(StreamEndpoint.BINANCE, List.of("btc/x")));
    }
}
