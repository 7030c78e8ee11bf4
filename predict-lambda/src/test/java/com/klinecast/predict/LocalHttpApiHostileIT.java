package com.klinecast.predict;

import com.klinecast.core.testing.HostileHttp;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * 300 generated requests, hostile and plain ({@link HostileHttp}), written byte for byte to the running local HTTP
 * API in front of the predict handler (a champion and the bundled candles in place): no 5xx, and every 4xx is
 * JSON, as behind API Gateway. {@code UpHostileIT} sends them to {@code klinecast up}.
 */
class LocalHttpApiHostileIT {

    private static HttpApiServer api;

    @BeforeContainer
    static void start() {
        PredictFixture fixture = new PredictFixture().withCandles();
        fixture.publishChampion(1);
        api = HttpApiServer.start(0, 2, "PredictFunction", fixture.handlerServing(PredictFixture.BTC_1D));
    }

    @AfterContainer
    static void stop() {
        api.close();
    }

    @Property(tries = 300, seed = "20261201")
    void noAnswerIsA5xxAndEvery4xxIsJson(@ForAll("requestLines") String requestLine) throws IOException {
        HostileHttp.assertAnsweredAsApiGatewayWould(api.port(), requestLine);
    }

    @Provide
    Arbitrary<String> requestLines() {
        return HostileHttp.requestLines();
    }
}
