package com.klinecast.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Embedded Metric Format document CloudWatch Logs turns into metrics. */
class MetricsDocumentTest {

    @Test
    void declaresEachMetricUnderTheDimensionsWithValuesAtTheRoot() throws Exception {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Function", "daily");
        dimensions.put("Series", "BTCUSDT#1d");

        JsonNode doc = new ObjectMapper().readTree(MetricsDocument.withDimensions(dimensions)
                .metric("CandlesWritten", 11, MetricsDocument.Unit.COUNT)
                .metric("Latency", 5.5, MetricsDocument.Unit.MILLISECONDS)
                .property("requestId", "r-1")
                .rollUp("Function")
                .toJson(Instant.parse("2025-07-01T00:05:00Z")));

        JsonNode aws = doc.path("_aws");
        assertEquals(1751328300000L, aws.path("Timestamp").asLong());
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertEquals("Klinecast", directive.path("Namespace").asText());
        assertEquals("[[\"Function\",\"Series\"],[\"Function\"]]", directive.path("Dimensions").toString());
        assertEquals("CandlesWritten", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals("Count", directive.path("Metrics").get(0).path("Unit").asText());
        assertEquals("Milliseconds", directive.path("Metrics").get(1).path("Unit").asText());
        assertEquals("daily", doc.path("Function").asText());
        assertEquals("BTCUSDT#1d", doc.path("Series").asText());
        assertEquals(11, doc.path("CandlesWritten").asDouble());
        assertEquals(5.5, doc.path("Latency").asDouble());
        assertEquals("r-1", doc.path("requestId").asText());
    }
}
