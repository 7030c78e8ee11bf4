package com.klinecast.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.klinecast.predict.api.ApiResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The HTTP API does not compress: the function gzips a large body when the request allows it. */
class ResponseCompressionTest {

    private static final String LARGE = "{\"forecast\":[" + "{\"close\":107123.45},".repeat(200) + "{}]}";
    private static final ApiResponse OK = new ApiResponse(200, Map.of("Content-Type", "application/json"), LARGE);

    @Test
    void aLargeBodyIsGzippedAndBase64EncodedWhenTheRequestAcceptsGzip() throws IOException {
        APIGatewayV2HTTPResponse response = ResponseCompression.respond(OK,
                Map.of("accept-encoding", "gzip, deflate, br"));

        assertTrue(response.getIsBase64Encoded());
        assertEquals("gzip", response.getHeaders().get("Content-Encoding"));
        assertEquals("Accept-Encoding", response.getHeaders().get("Vary"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        byte[] zipped = Base64.getDecoder().decode(response.getBody());
        assertTrue(zipped.length * 5 < LARGE.length(), zipped.length + " bytes for " + LARGE.length());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertEquals(LARGE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutAcceptEncodingOrForASmallBodyTheBodyGoesAsIs() {
        APIGatewayV2HTTPResponse plain = ResponseCompression.respond(OK, Map.of("host", "x"));
        assertFalse(plain.getIsBase64Encoded());
        assertEquals(LARGE, plain.getBody());
        assertNull(plain.getHeaders().get("Content-Encoding"));
        assertEquals("Accept-Encoding", plain.getHeaders().get("Vary"));

        ApiResponse error = new ApiResponse(400, Map.of("Content-Type", "application/json"),
                "{\"error\":\"invalid days\"}");
        APIGatewayV2HTTPResponse small = ResponseCompression.respond(error, Map.of("accept-encoding", "gzip"));
        assertFalse(small.getIsBase64Encoded());
        assertEquals(error.body(), small.getBody());
        assertNull(small.getHeaders().get("Content-Encoding"));
        assertFalse(ResponseCompression.respond(OK, null).getIsBase64Encoded());
    }

    @Test
    void acceptEncodingIsReadWithItsWeights() {
        assertTrue(ResponseCompression.acceptsGzip("gzip"));
        assertTrue(ResponseCompression.acceptsGzip("deflate, GZIP;q=0.5"));
        assertTrue(ResponseCompression.acceptsGzip("x-gzip"));
        assertTrue(ResponseCompression.acceptsGzip("br;q=1.0, *;q=0.1"));
        assertFalse(ResponseCompression.acceptsGzip("gzip;q=0"));
        assertFalse(ResponseCompression.acceptsGzip("*, gzip;q=0"), "gzip refused by name outweighs *");
        assertFalse(ResponseCompression.acceptsGzip("identity"));
        assertFalse(ResponseCompression.acceptsGzip("br, deflate"));
        assertFalse(ResponseCompression.acceptsGzip(""));
        assertFalse(ResponseCompression.acceptsGzip("gzip;q=x"), "a weight that is no number");
        assertFalse(ResponseCompression.acceptsGzip(null));
    }
}
