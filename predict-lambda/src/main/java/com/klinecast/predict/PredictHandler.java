package com.klinecast.predict;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.observability.PowertoolsInvocationLog;
import com.klinecast.core.observability.PowertoolsMetricsSink;
import com.klinecast.predict.api.ApiException;
import com.klinecast.predict.api.ApiRequest;
import com.klinecast.predict.api.ApiResponse;
import com.klinecast.predict.api.Router;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The forecast API behind an HTTP API (payload 2.0): turns the event into a request, lets the router answer,
 * maps the answer back. Clients, the champion cache and the page are built once per execution environment.
 */
public final class PredictHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Router router;
    private final MetricsSink metrics;
    private final RequestLog log;

    /** Used by Lambda: configuration from the environment. */
    public PredictHandler() {
        this(new RequestLog(new PowertoolsInvocationLog(PredictHandler.class)));
    }

    private PredictHandler(RequestLog log) {
        this(PredictServices.router(PredictConfig.fromEnv(Env.system()), AwsClients.dynamoDb(), AwsClients.s3(),
                Clock.systemUTC(), log), new PowertoolsMetricsSink(), log);
    }

    public PredictHandler(Router router) {
        this(router, MetricsSink.NONE);
    }

    public PredictHandler(Router router, MetricsSink metrics) {
        this(router, metrics, new RequestLog(line -> { }));
    }

    /** @param log the log {@code router} was built with: during a request its lines carry the request id */
    public PredictHandler(Router router, MetricsSink metrics, RequestLog log) {
        this.router = router;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        ApiResponse response;
        String route = "other";
        try {
            ApiRequest request = request(event);
            route = RequestMetrics.route(request.path());
            response = log.during(context, () -> router.handle(request));
        } catch (ApiException malformed) {
            response = Router.refuse(malformed);
        }
        metrics.emit(RequestMetrics.of(route, response, (System.nanoTime() - started) / 1e6,
                context == null ? null : context.getAwsRequestId()));
        return ResponseCompression.respond(response, event == null ? null : event.getHeaders());
    }

    static ApiRequest request(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            return new ApiRequest("", "/", Map.of());
        }
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = context == null ? null : context.getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod() : "";
        String path = event.getRawPath() != null ? event.getRawPath() : http != null ? http.getPath() : "/";
        String stage = context == null ? null : context.getStage();
        // A named stage prefixes the raw path (/prod/forecast); the $default stage does not.
        if (stage != null && !"$default".equals(stage) && path != null && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        Map<String, List<String>> query = event.getRawQueryString() != null
                ? ApiRequest.parseQuery(event.getRawQueryString())
                : single(event.getQueryStringParameters());
        return new ApiRequest(method, path, query);
    }

    private static Map<String, List<String>> single(Map<String, String> parameters) {
        java.util.LinkedHashMap<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((k, v) -> out.put(k, List.of(v == null ? "" : v)));
        }
        return out;
    }
}
