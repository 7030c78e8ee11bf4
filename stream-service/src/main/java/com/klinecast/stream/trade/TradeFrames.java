package com.klinecast.stream.trade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Messages of Binance's combined stream: {@code {"stream":"btcusdt@trade","data":{"e":"trade","E":..,"s":"BTCUSDT",
 * "t":12345,"p":"0.001","q":"100","T":..,"m":true,"M":true}}}, and the {@code serverShutdown} event Binance sends
 * before it closes a connection for maintenance.
 */
public final class TradeFrames {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one text message was. */
    public sealed interface Message permits TradeMessage, ShutdownNotice, Other {
    }

    public record TradeMessage(Trade trade) implements Message {
    }

    /** The server will close this connection soon: connect anew now, not after it drops. */
    public record ShutdownNotice() implements Message {
    }

    /** Anything else (a reply to a request, a future event type): ignored, never fatal. */
    public record Other(String text) implements Message {
    }

    private TradeFrames() {
    }

    public static Message parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
        JsonNode data = root.has("data") ? root.get("data") : root;
        String event = Optional.ofNullable(data.get("e")).map(JsonNode::asText).orElse("");
        return switch (event) {
            case "trade" -> new TradeMessage(new Trade(data.get("s").asText(), data.get("t").asLong(),
                    new BigDecimal(data.get("p").asText()), new BigDecimal(data.get("q").asText()),
                    data.get("T").asLong(), data.get("m").asBoolean()));
            case "serverShutdown" -> new ShutdownNotice();
            default -> new Other(text);
        };
    }
}
