package com.klinecast.predict;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.klinecast.predict.api.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for the HTTP API, which does not compress: a body of 1 KiB or more goes out gzipped, base64-encoded as the
 * payload requires, with {@code Content-Encoding: gzip}, when the request's {@code Accept-Encoding} allows gzip.
 * The page (the chart library is inline) shrinks about three times; short errors stay as they are.
 */
final class ResponseCompression {

    static final int MIN_BYTES = 1024;

    private ResponseCompression() {
    }

    static APIGatewayV2HTTPResponse respond(ApiResponse response, Map<String, String> requestHeaders) {
        byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        boolean large = body.length >= MIN_BYTES;
        if (large) {
            // Whether it is compressed depends on the request: say so to any cache on the way.
            headers.put("Vary", "Accept-Encoding");
        }
        if (!large || !acceptsGzip(header(requestHeaders, "accept-encoding"))) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(headers)
                    .withBody(response.body()).withIsBase64Encoded(false).build();
        }
        headers.put("Content-Encoding", "gzip");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(gzip(body))).withIsBase64Encoded(true).build();
    }

    /**
     * RFC 9110's Accept-Encoding: gzip (or x-gzip) listed with a non-zero weight, or {@code *} with one when gzip
     * is not listed. No header, or one that names neither, means no compression.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            double weight = weight(fields);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? weight : Math.max(gzip, weight);
            } else if (coding.equals("*")) {
                any = weight;
            }
        }
        return gzip != null ? gzip > 0 : any != null && any > 0;
    }

    private static double weight(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String parameter = fields[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;    // a weight that is no number accepts nothing
                }
            }
        }
        return 1;
    }

    /** HTTP API lower-cases header names; a test or another caller may not. */
    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);    // in memory: cannot happen
        }
        return out.toByteArray();
    }
}
