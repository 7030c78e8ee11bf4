package com.klinecast.standins.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.klinecast.standins.http.LoopbackHttpServer;
import com.klinecast.standins.lambda.LocalContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A local stand-in for an API Gateway HTTP API with one Lambda integration (what {@code sam local start-api}
 * does): each request on 127.0.0.1 becomes a payload 2.0 {@link APIGatewayV2HTTPEvent} for the handler, in
 * process, and the handler's response goes back as HTTP. A handler that throws gets API Gateway's own answer,
 * a 500 {"message":"Internal Server Error"}.
 */
public final class HttpApiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final Supplier<Context> contexts;

    private HttpApiServer(HttpServer server, ExecutorService workers,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, Supplier<Context> contexts) {
        this.server = server;
        this.workers = workers;
        this.handler = handler;
        this.contexts = contexts;
    }

    /**
     * @param port 0 for any free port
     * @param threads concurrent invocations (a deployed function scales out instead; a few suffice locally)
     */
    public static HttpApiServer start(int port, int threads, String functionName,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        try {
            HttpServer server = LoopbackHttpServer.create(port, 64);
            ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "http-api");
                t.setDaemon(true);
                return t;
            });
            HttpApiServer api = new HttpApiServer(server, workers, handler, () -> LocalContext.withRemaining(
                    functionName, () -> 30_000L, LocalContext.quietLogger()));
            server.createContext("/", api::serve);
            server.setExecutor(workers);
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another server using it? pass another --port", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            APIGatewayV2HTTPResponse response;
            try {
                response = handler.handleRequest(event(exchange), contexts.get());
            } catch (RuntimeException e) {
                response = APIGatewayV2HTTPResponse.builder().withStatusCode(500)
                        .withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody("{\"message\":\"Internal Server Error\"}").build();
            }
            write(exchange, response);
        }
    }

    private static APIGatewayV2HTTPEvent event(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return HttpApiEvents.request(exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                exchange.getRequestBody().readAllBytes(), exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol());
    }

    private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name,
                    List.copyOf(values)));
        }
        byte[] body = response.getBody() == null ? new byte[0] : response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody()) : response.getBody().getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.getStatusCode(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
