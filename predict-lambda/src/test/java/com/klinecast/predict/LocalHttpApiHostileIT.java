package com.klinecast.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * 300 generated requests, hostile and plain, written byte for byte to the running local HTTP API in front of the
 * predict handler (a champion and the bundled candles in place): no 5xx, and every 4xx is JSON, as behind API
 * Gateway. Targets no HTTP client library would send (//forecast, ?symbol=%ZZ, raw non-ASCII) included.
 */
class LocalHttpApiHostileIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpApiServer api;

    @BeforeContainer
    static void start() {
        PredictFixture fixture = new PredictFixture().withCandles();
        fixture.publishChampion(1);
        api = HttpApiServer.start(0, 2, "PredictFunction", fixture.handlerServing(PredictFixture.BTC_1D));
    }

    @AfterContainer
    static void stop() {
        api.close();
    }

    @Property(tries = 300, seed = "20261201")
    void noAnswerIsA5xxAndEvery4xxIsJson(@ForAll("requestLines") String requestLine) throws IOException {
        String method = requestLine.substring(0, Math.max(0, requestLine.indexOf(' ')));
        String text;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String where = requestLine + " -> " + head;
        if (!head.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("no HTTP answer: " + where);
        }
        int status = Integer.parseInt(head.substring(9, 12));
        if (status >= 500) {
            throw new AssertionError("a 5xx: " + where + "\n" + text.substring(split + 4));
        }
        if (status >= 400) {
            if (!head.toLowerCase(Locale.ROOT).contains("content-type: application/json")) {
                throw new AssertionError("a 4xx that is not JSON: " + where);
            }
            if (!"HEAD".equals(method)) { // a HEAD answer has no body, behind API Gateway too
                JsonNode body = JSON.readTree(text.substring(split + 4));
                if (!body.isObject()) {
                    throw new AssertionError("a 4xx body that is not a JSON object: " + where);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> requestLines() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("GET")),
                Tuple.of(2, Arbitraries.of("POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "get", "TRACE")));
        Arbitrary<String> path = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("/forecast", "/models", "/")),
                Tuple.of(3, Arbitraries.of("//forecast", "///", "/forecast/", "/FORECAST", "/forecast/../models",
                        "/%2e%2e/etc/passwd", "/models;x", "/favicon.ico", "/%", "/%ZZ", "/日本", "*",
                        "http://127.0.0.1/forecast", "/forecast#frag")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(30).map(s -> "/" + s)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("BTCUSDT", "1d", "7", "30", "champion")),
                Tuple.of(4, Arbitraries.of("%ZZ", "%", "%E0%A4%A", "%00", "0", "-1", "99999999999999999999", "1e3",
                        "日本", "🚀", "<script>", "' OR '1'='1", "a%20b", "a+b", "A".repeat(3000), "")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
        Arbitrary<String> name = Arbitraries.of("symbol", "interval", "days", "version", "target", "%ZZ", "", "x");
        Arbitrary<String> query = Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(4)
                .map(pairs -> String.join("&", pairs));
        // Spaces, CR and LF cannot be inside a target on the wire: a client that sent one would be sending
        // another request line, which the "not HTTP" cases of HttpApiServerTest cover.
        return Combinators.combine(method, path, query).as((m, p, q) -> m + " "
                + (p + (q.isEmpty() ? "" : "?" + q)).replaceAll("[ \\r\\n]", "%20") + " HTTP/1.1");
    }
}
