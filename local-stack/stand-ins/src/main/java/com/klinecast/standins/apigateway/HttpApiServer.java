package com.klinecast.standins.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.klinecast.standins.http.PlainHttpServer;
import com.klinecast.standins.lambda.LocalContext;
import java.io.IOException;
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
 * a 500 {"message":"Internal Server Error"}. Every request target goes to the handler as sent, as API Gateway
 * passes it ({@code //forecast}, {@code ?symbol=%ZZ}), so the handler's JSON answers it; a request that is not
 * HTTP at all gets API Gateway's JSON 400.
 */
public final class HttpApiServer implements AutoCloseable {

    private final PlainHttpServer server;
    private final ExecutorService workers;

    private HttpApiServer(PlainHttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * @param port 0 for any free port
     * @param threads concurrent invocations (a deployed function scales out instead; a few suffice locally)
     */
    public static HttpApiServer start(int port, int threads, String functionName,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "http-api");
            t.setDaemon(true);
            return t;
        });
        Supplier<Context> contexts = () -> LocalContext.withRemaining(functionName, () -> 30_000L,
                LocalContext.quietLogger());
        try {
            return new HttpApiServer(PlainHttpServer.start(port, 64, workers,
                    request -> serve(handler, contexts, request)), workers);
        } catch (IOException e) {
            workers.shutdownNow();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another server using it? pass another --port", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    public int port() {
        return server.port();
    }

    private static PlainHttpServer.Response serve(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, Supplier<Context> contexts,
            PlainHttpServer.Request request) {
        APIGatewayV2HTTPResponse response;
        try {
            response = handler.handleRequest(event(request), contexts.get());
        } catch (RuntimeException e) {
            response = APIGatewayV2HTTPResponse.builder().withStatusCode(500)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"message\":\"Internal Server Error\"}").build();
        }
        return http(response);
    }

    private static APIGatewayV2HTTPEvent event(PlainHttpServer.Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.merge(name.toLowerCase(Locale.ROOT),
                String.join(",", values), (a, b) -> a + "," + b));
        return HttpApiEvents.request(request.method(), request.rawPath(), request.rawQuery(), headers,
                request.body(), request.remote().getHostAddress(), request.protocol());
    }

    private static PlainHttpServer.Response http(APIGatewayV2HTTPResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        }
        byte[] body = response.getBody() == null ? new byte[0] : response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody()) : response.getBody().getBytes(StandardCharsets.UTF_8);
        return new PlainHttpServer.Response(response.getStatusCode(), headers, body);
    }

    @Override
    public void close() {
        server.close();
        workers.shutdownNow();
    }
}
