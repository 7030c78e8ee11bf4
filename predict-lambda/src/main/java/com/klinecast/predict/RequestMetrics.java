package com.klinecast.predict;

import com.klinecast.core.observability.MetricsDocument;
import com.klinecast.core.observability.MetricsDocument.Unit;
import com.klinecast.predict.api.ApiResponse;
import com.klinecast.predict.api.Router;
import java.util.Map;
import java.util.Set;

/** One metrics document per request: latency, status class, and the model version that answered. */
final class RequestMetrics {

    private static final Set<String> ROUTES = Set.of("/", "/forecast", "/models", "/skill");

    private RequestMetrics() {
    }

    /** The route as a dimension: a fixed set, so that random paths cannot create metrics without bound. */
    static String route(String path) {
        return ROUTES.contains(path) ? path : "other";
    }

    static MetricsDocument of(String route, ApiResponse response, double millis, String requestId) {
        int status = response.status();
        MetricsDocument document = MetricsDocument.withDimensions(Map.of("Function", "predict", "Route", route))
                .metric("Latency", millis, Unit.MILLISECONDS)
                .metric("ClientErrors", status >= 400 && status < 500 ? 1 : 0, Unit.COUNT)
                .metric("ServerErrors", status >= 500 ? 1 : 0, Unit.COUNT)
                .property("status", status)
                .property("requestId", requestId);
        String version = response.headers().get(Router.MODEL_VERSION_HEADER);
        if (version != null) {
            document.property("modelVersion", Integer.parseInt(version));
        }
        return document;
    }
}
