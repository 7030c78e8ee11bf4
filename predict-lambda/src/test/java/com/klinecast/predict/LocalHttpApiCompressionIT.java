package com.klinecast.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compressed responses through the local HTTP API, as API Gateway passes them: the function's base64 gzip body
 * reaches the client as gzip bytes with {@code Content-Encoding: gzip}, and decompresses to the very answer an
 * uncompressed request gets.
 */
class LocalHttpApiCompressionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PredictFixture fixture = new PredictFixture();
    private final HttpClient client = HttpClient.newHttpClient();   // it does not decompress: the raw bytes
    private HttpApiServer api;

    @BeforeEach
    void start() {
        fixture.withCandles().publishChampion(1);
        api = HttpApiServer.start(0, 2, "PredictFunction", fixture.handler());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aForecastAndThePageAreGzippedWhenAcceptedAndDecompressToThePlainAnswer() throws Exception {
        for (String target : new String[] {"forecast?symbol=BTCUSDT&days=30", ""}) {
            HttpResponse<byte[]> plain = get(target, null);
            HttpResponse<byte[]> zipped = get(target, "gzip, deflate, br");

            assertEquals(200, plain.statusCode());
            assertEquals(200, zipped.statusCode());
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), target);
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), target);
            assertEquals("Accept-Encoding", zipped.headers().firstValue("Vary").orElse(null));
            assertEquals(plain.headers().firstValue("Content-Type"), zipped.headers().firstValue("Content-Type"));
            assertEquals(zipped.body().length, zipped.headers().firstValueAsLong("Content-Length").orElse(-1));
            assertTrue(zipped.body().length * 3 < plain.body().length,
                    target + ": " + zipped.body().length + " of " + plain.body().length + " bytes");
            String unzipped = gunzip(zipped.body());
            if (target.startsWith("forecast")) {
                // Same forecast, byte for byte but the request-dependent fields (none in the forecast itself).
                assertEquals(JSON.readTree(plain.body()).path("forecast"), JSON.readTree(unzipped).path("forecast"));
            } else {
                assertEquals(new String(plain.body(), StandardCharsets.UTF_8), unzipped);
            }
        }
    }

    @Test
    void aJsonErrorIsSmallAndGoesUncompressed() throws Exception {
        HttpResponse<byte[]> error = get("forecast?symbol=BTCUSDT&days=seven", "gzip");

        assertEquals(400, error.statusCode());
        assertTrue(error.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("invalid days", JSON.readTree(error.body()).path("error").asText());
    }

    private HttpResponse<byte[]> get(String target, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + target)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
