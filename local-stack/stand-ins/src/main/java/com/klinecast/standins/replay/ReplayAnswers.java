package com.klinecast.standins.replay;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A replay answer as Binance writes one: JSON, the weight header, Binance's error body. */
final class ReplayAnswers {

    private ReplayAnswers() {
    }

    static void send(HttpExchange exchange, int status, String body, int usedWeight) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        if (usedWeight > 0) {
            exchange.getResponseHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(usedWeight));
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    static String error(int code, String msg) {
        return "{\"code\":" + code + ",\"msg\":\"" + msg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
