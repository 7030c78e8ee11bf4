package com.klinecast.standins.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** HTTP API payload 2.0 events as API Gateway builds them for a {@code $default} route and stage. */
public final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** A GET of {@code pathAndQuery} (e.g. {@code /forecast?symbol=BTCUSDT}) from the local machine. */
    public static APIGatewayV2HTTPEvent get(String pathAndQuery) {
        return request("GET", URI.create(pathAndQuery), Map.of("host", "127.0.0.1", "user-agent", "klinecast"),
                new byte[0], "127.0.0.1", "HTTP/1.1");
    }

    /**
     * @param headers lower-case names; repeated headers joined with commas, as API Gateway does
     */
    public static APIGatewayV2HTTPEvent request(String method, URI uri, Map<String, String> headers, byte[] body,
            String sourceIp, String protocol) {
        return request(method, uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body,
                sourceIp, protocol);
    }

    /**
     * @param rawPath the path exactly as sent, e.g. {@code //forecast}
     * @param rawQuery the query exactly as sent, even when not decodable (e.g. {@code symbol=%ZZ}); "" for none
     * @param headers lower-case names; repeated headers joined with commas, as API Gateway does
     */
    public static APIGatewayV2HTTPEvent request(String method, String rawPath, String rawQuery,
            Map<String, String> headers, byte[] body, String sourceIp, String protocol) {
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withBody(body.length == 0 ? null : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                        .withStage("$default")
                        .withRouteKey("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(rawPath)
                                .withProtocol(protocol)
                                .withSourceIp(sourceIp)
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    /**
     * API Gateway joins repeated parameters with commas in this map (the raw query keeps them apart). A part that
     * cannot be percent-decoded is kept as sent: the integration, reading the raw query, decides what it means.
     */
    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.merge(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)),
                    (a, b) -> a + "," + b);
        }
        return out.isEmpty() ? null : out;
    }

    /** Percent-escapes only; a '+' stays a '+'. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
