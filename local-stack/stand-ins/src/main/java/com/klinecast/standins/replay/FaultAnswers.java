package com.klinecast.standins.replay;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What a queued {@link Fault} makes of a klines request: an exchange failure as Binance (or its proxy) gives it. */
final class FaultAnswers {

    private FaultAnswers() {
    }

    /**
     * Answers with the fault, true when that was the whole answer; false when the request goes on (none, or slow
     * and done waiting).
     */
    static boolean apply(HttpExchange exchange, Fault fault, int used, int weightLimitPerMinute, long rateNow)
            throws IOException {
        switch (fault.kind()) {
            case NONE -> {
                return false;
            }
            case RATE_LIMITED, BANNED -> {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.duration().toSeconds()));
                int status = fault.kind() == Fault.Kind.BANNED ? 418 : 429;
                String msg = status == 418 ? "Way too much request weight used; IP banned until "
                        + (rateNow + fault.duration().toMillis()) + "."
                        : "Too much request weight used; current limit is " + weightLimitPerMinute
                                + " request weight per 1 MINUTE.";
                ReplayAnswers.send(exchange, status, ReplayAnswers.error(-1003, msg), used);
                return true;
            }
            case SERVER_ERROR -> {
                ReplayAnswers.send(exchange, 500, "", used);
                return true;
            }
            case MALFORMED_JSON -> {
                ReplayAnswers.send(exchange, 200, "[[1502928000000,\"4261.48\",<html>502 Bad Gateway</html>", used);
                return true;
            }
            case TRUNCATED -> {
                byte[] whole = "[[1502928000000,\"4261.48000000\",\"4485.39000000\",\"4200.74000000\"]]"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, whole.length);
                OutputStream out = exchange.getResponseBody();
                out.write(whole, 0, whole.length / 2);
                out.flush();
                // Failing the exchange under a fixed-length body drops the connection: a cut-off page.
                throw new IOException("truncated on purpose");
            }
            case SLOW -> {
                try {
                    Thread.sleep(fault.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return false;
            }
            default -> throw new IllegalStateException("unknown fault " + fault);
        }
    }
}
