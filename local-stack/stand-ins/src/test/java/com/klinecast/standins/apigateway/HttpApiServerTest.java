package com.klinecast.standins.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API stand-in, running, with a handler that answers every event in JSON: whatever the request target,
 * the handler gets it as API Gateway would pass it and its JSON goes back, never the JDK server's HTML.
 */
class HttpApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<APIGatewayV2HTTPEvent> seen = new AtomicReference<>();
    private HttpApiServer api;

    @BeforeEach
    void start() {
        api = HttpApiServer.start(0, 2, "Echo", (event, context) -> {
            seen.set(event);
            if ("/boom".equals(event.getRawPath())) {
                throw new IllegalStateException("a bug in the handler");
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode("/".equals(event.getRawPath()) ? 200 : 404)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"error\":\"not found\",\"path\":\"" + event.getRawPath() + "\"}").build();
        });
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aDoubleSlashPathReachesTheHandlerAsSent() throws Exception {
        Raw response = send("GET //forecast HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertEquals(404, response.status, response.text);
        assertTrue(response.head.contains("Content-Type: application/json"), response.head);
        assertEquals("//forecast", JSON.readTree(response.body).path("path").asText());
        assertEquals("//forecast", seen.get().getRawPath());
        assertEquals("//forecast", seen.get().getRequestContext().getHttp().getPath());
        assertFalse(response.text.contains("No context found"), response.text);
    }

    @Test
    void aQueryThatIsNoUriReachesTheHandlerRaw() throws Exception {
        Raw response = send("GET /forecast?symbol=%ZZ&days=7 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertEquals(404, response.status, response.text);
        assertTrue(response.head.contains("Content-Type: application/json"), response.head);
        JSON.readTree(response.body); // JSON, not "URISyntaxException thrown"
        assertEquals("/forecast", seen.get().getRawPath());
        assertEquals("symbol=%ZZ&days=7", seen.get().getRawQueryString());
        assertEquals(Map.of("symbol", "%ZZ", "days", "7"), seen.get().getQueryStringParameters());
        assertFalse(response.text.contains("URISyntaxException"), response.text);
    }

    @Test
    void whatIsNotHttpGetsApiGatewaysJson400() throws Exception {
        for (String garbage : new String[] {"HELLO\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n",
                "POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n"}) {
            Raw response = send(garbage);

            assertEquals(400, response.status, garbage + " -> " + response.text);
            assertEquals("Bad Request", JSON.readTree(response.body).path("message").asText(), response.text);
        }
    }

    @Test
    void aThrowingHandlerGetsApiGatewaysJson500() throws Exception {
        Raw response = send("GET /boom HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertEquals(500, response.status);
        assertEquals("Internal Server Error", JSON.readTree(response.body).path("message").asText());
    }

    @Test
    void bodiesHeadersAndHeadArriveAsApiGatewayPassesThem() throws Exception {
        send("POST /?a=1&a=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Twice: one\r\nx-twice: two\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext\r\nde\r\n0\r\n\r\n");
        APIGatewayV2HTTPEvent event = seen.get();
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("abcde", new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8));
        assertTrue(event.getIsBase64Encoded());
        assertEquals("one,two", event.getHeaders().get("x-twice"));
        assertEquals("1,2", event.getQueryStringParameters().get("a"));

        HttpResponse<String> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.baseUrl())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());

        HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.baseUrl()
                .resolve("/?x=1")).POST(HttpRequest.BodyPublishers.ofString("{\"k\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(get.body());
        assertEquals("/", body.path("path").asText());
        assertEquals("{\"k\":1}", new String(Base64.getDecoder().decode(seen.get().getBody()),
                StandardCharsets.UTF_8));
    }

    /** Sends bytes as written (no client library would send a target like these) and reads to the close. */
    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            return new Raw(Integer.parseInt(head.split(" ", 3)[1]), head, split < 0 ? "" : text.substring(split + 4),
                    text);
        }
    }

    private record Raw(int status, String head, String body, String text) {
    }
}
