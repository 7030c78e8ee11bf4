package com.klinecast.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.testing.StdoutCapture;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a function logs through Powertools and the Log4j 2 backend: one JSON line per event, with its level. */
class PowertoolsInvocationLogTest {

    private final InvocationLog log = new PowertoolsInvocationLog(PowertoolsInvocationLogTest.class);

    @Test
    void eachLineIsJsonWithItsLevelAndTheInvocationsRequestId() {
        LocalContext context = LocalContext.withTimeout("WorkerFunction", Duration.ofSeconds(30),
                LocalContext.quietLogger());

        List<JsonNode> lines = StdoutCapture.jsonLines(() -> log.during(context, () -> {
            log.info(context, "BTCUSDT#1d: COMPLETE, 3 candles written");
            log.warn(context, "ETHUSDT#1h failed (receive 2): banned");
            return null;
        }));

        assertEquals(2, lines.size(), lines.toString());
        JsonNode info = lines.get(0);
        assertEquals("INFO", info.path("level").asText());
        assertEquals("BTCUSDT#1d: COMPLETE, 3 candles written", info.path("message").asText());
        assertEquals(context.getAwsRequestId(), info.path("function_request_id").asText());
        assertEquals("WorkerFunction", info.path("function_name").asText());
        assertTrue(info.has("cold_start") && info.has("timestamp"), info.toString());
        assertEquals("WARN", lines.get(1).path("level").asText());
        assertEquals(context.getAwsRequestId(), lines.get(1).path("function_request_id").asText());
    }

    @Test
    void theInvocationsFieldsAreClearedAfterIt() {
        LocalContext context = LocalContext.withTimeout("PredictFunction", Duration.ofSeconds(30),
                LocalContext.quietLogger());
        StdoutCapture.jsonLines(() -> log.during(context, () -> null));

        List<JsonNode> after = StdoutCapture.jsonLines(() -> log.warn(null, "at start-up"));

        assertEquals("at start-up", after.get(0).path("message").asText());
        assertTrue(after.get(0).path("function_request_id").isNull(), after.get(0).toString());
    }
}
