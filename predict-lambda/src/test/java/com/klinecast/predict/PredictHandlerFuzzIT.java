package com.klinecast.predict;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests, hostile and plain, to the predict handler over the real stand-ins (a champion and the
 * bundled candles in place): every answer is a 2xx or a 4xx, a 4xx body is the JSON error shape, and no body
 * shows an exception, a stack frame or an internal name.
 */
class PredictHandlerFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-zA-Z.$]+\\(|com\\.klinecast|software\\.amazon|klinecast-features|"
                    + "NullPointer|java\\.lang");

    private static PredictHandler handler;

    @BeforeContainer
    static void stack() {
        PredictFixture fixture = new PredictFixture().withCandles();
        fixture.publishChampion(1);
        // Only what has a model and candles: a served series without them is a 503 by design, tested elsewhere.
        handler = fixture.handlerServing(PredictFixture.BTC_1D);
    }

    @Property(tries = 10_000, seed = "20261122")
    void everyAnswerIsA2xxOrAJson4xxWithoutInternals(@ForAll("requests") APIGatewayV2HTTPEvent event)
            throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        int status = response.getStatusCode();
        String body = response.getBody();
        String where = event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath() + "?"
                + event.getRawQueryString() + " -> " + status + " " + body;
        if (!(status >= 200 && status < 300 || status >= 400 && status < 500)) {
            throw new AssertionError("not a 2xx or 4xx: " + where);
        }
        if (status >= 400) {
            JsonNode error = JSON.readTree(body);
            if (!error.path("error").isTextual() || !error.has("detail")) {
                throw new AssertionError("not the JSON error shape: " + where);
            }
        }
        if (status != 200 || !body.startsWith("<!")) {
            if (INTERNALS.matcher(body).find()) {
                throw new AssertionError("internals in the body: " + where);
            }
        }
    }

    @Provide
    Arbitrary<APIGatewayV2HTTPEvent> requests() {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("GET")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "get",
                        "", "TRACE")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
        Arbitrary<String> path = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("/forecast", "/models", "/")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("/forecast/", "//forecast", "/FORECAST", "/forecast/../models",
                        "/%2e%2e/etc/passwd", "/models;x", "/index.html", "/favicon.ico", "")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40).map(s -> "/" + s)));
        Arbitrary<String> query = parameter().list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1)
                .ofMaxLength(20), Arbitraries.strings().ofMaxLength(100)).ofMaxSize(4);
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.strings()
                .ofMaxLength(200));
        return Combinators.combine(method, path, query, headers, body).as(PredictHandlerFuzzIT::event);
    }

    /** One {@code name=value} pair, names mostly real, values from the hostile list or random. */
    private static Arbitrary<String> parameter() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of("symbol", "interval", "days", "version")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("day", "Symbol", "callback", "", "symbol[]", "%73ymbol")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of("BTCUSDT", "btcusdt", "ETHUSDT", "1d", "1h", "7", "30",
                        "31", "1", "champion", "v1", "1", "000001")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("0", "-1", "-2147483648", "2147483648", "99999999999999999999",
                        "1e3", "7.5", "0x1F", " 7", "NaN", "Infinity", "../../models", "BTC/../ETH", "' OR '1'='1",
                        "<script>alert(1)</script>", "%00", "%", "%zz", "%E0%A4%A", "%C3%A9", "日本", "🚀", "\u0000",
                        "http://169.254.169.254/", "s3://other-bucket/x", "BTCUSDT%23evil", "BTCUSDT#1h",
                        "${jndi:ldap://x}", "A".repeat(5000))),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(30)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(String::valueOf)));
        return Combinators.combine(name, value, Arbitraries.of(true, false)).as((n, v, raw) ->
                raw ? n + "=" + v : n + "=" + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String query, Map<String, String> headers,
            String body) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(path)
                .withRawQueryString(query).withHeaders(new LinkedHashMap<>(headers)).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .build()).build()).build();
    }

}
