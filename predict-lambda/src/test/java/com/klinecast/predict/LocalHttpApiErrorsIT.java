package com.klinecast.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The predict handler behind the running local HTTP API: request targets no URI parser accepts get the handler's
 * JSON errors, as behind API Gateway, not the JDK server's HTML ("No context found", "URISyntaxException").
 */
class LocalHttpApiErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PredictFixture fixture = new PredictFixture();
    private HttpApiServer api;

    @BeforeEach
    void start() {
        api = HttpApiServer.start(0, 1, "PredictFunction", fixture.handler());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aDoubleSlashPathIsTheRoutersJson404() throws Exception {
        JsonNode error = jsonError("GET //forecast HTTP/1.1", 404);

        assertEquals("not found", error.path("error").asText());
        assertTrue(error.path("detail").asText().contains("'//forecast'"), error.toString());
    }

    @Test
    void aMalformedQueryIsTheHandlersJson400() throws Exception {
        JsonNode error = jsonError("GET /forecast?symbol=%ZZ HTTP/1.1", 400);

        assertEquals("malformed query string", error.path("error").asText());
        assertTrue(error.path("detail").asText().contains("invalid %-escape"), error.toString());
    }

    /** Sends the request line as written (an HTTP client library would refuse these targets). */
    private JsonNode jsonError(String requestLine, int status) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            assertTrue(head.startsWith("HTTP/1.1 " + status + " "), text);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), text);
            return JSON.readTree(text.substring(split + 4));
        }
    }
}
