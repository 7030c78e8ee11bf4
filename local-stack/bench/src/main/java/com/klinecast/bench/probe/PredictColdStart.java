package com.klinecast.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.klinecast.predict.PredictHandler;

/**
 * Run in a fresh JVM on the predict Lambda's own jar (plus this class): builds the handler as Lambda does (from
 * the environment), answers one 30-day forecast, prints the status and peak RSS. References nothing outside
 * that jar, so the measurement is of what Lambda would load.
 */
public final class PredictColdStart {

    private PredictColdStart() {
    }

    public static void main(String[] args) {
        PredictHandler handler = new PredictHandler();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/forecast")
                .withRawQueryString("symbol=BTCUSDT&interval=1d&days=30")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/forecast").build()).build()).build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        System.out.println("status " + response.getStatusCode() + " rssKb " + Rss.peakKb());
        System.exit(response.getStatusCode() == 200 ? 0 : 1);
    }
}
