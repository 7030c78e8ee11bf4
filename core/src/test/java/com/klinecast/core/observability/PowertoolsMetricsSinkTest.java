package com.klinecast.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.testing.EmfCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Embedded Metric Format document Powertools prints on standard output, which CloudWatch Logs turns into metrics. */
class PowertoolsMetricsSinkTest {

    private final EmfCapture printed = new EmfCapture();

    @Test
    void declaresEachMetricUnderTheDimensionsAndRollUpsWithValuesAtTheRoot() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Function", "daily");
        dimensions.put("Series", "BTCUSDT#1d");

        printed.emit(MetricsDocument.withDimensions(dimensions)
                .metric("CandlesWritten", 11, MetricsDocument.Unit.COUNT)
                .metric("Latency", 5.5, MetricsDocument.Unit.MILLISECONDS)
                .property("requestId", "r-1")
                .property("modelVersion", null)
                .rollUp("Function"));

        assertEquals(1, printed.size());
        JsonNode doc = printed.get(0);
        JsonNode aws = doc.path("_aws");
        assertTrue(Math.abs(aws.path("Timestamp").asLong() - System.currentTimeMillis()) < 60_000, aws.toString());
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertEquals("Klinecast", directive.path("Namespace").asText());
        assertEquals(List.of(List.of("Function", "Series"), List.of("Function")), EmfCapture.dimensionSets(directive));
        assertEquals(Map.of("CandlesWritten", "Count", "Latency", "Milliseconds"), EmfCapture.units(directive));
        assertEquals("daily", doc.path("Function").asText());
        assertEquals("BTCUSDT#1d", doc.path("Series").asText());
        assertEquals(11, doc.path("CandlesWritten").asDouble());
        assertEquals(5.5, doc.path("Latency").asDouble());
        assertEquals("r-1", doc.path("requestId").asText());
        assertFalse(doc.has("modelVersion"), "a null property is left out");
    }

    @Test
    void onlyTheDocumentsOwnDimensionSetsAreDeclared() {
        printed.emit(MetricsDocument.withDimensions(Map.of("Function", "predict")).metric("ServerErrors", 0,
                MetricsDocument.Unit.COUNT));

        JsonNode directive = printed.get(0).path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(List.of(List.of("Function")), EmfCapture.dimensionSets(directive));
    }

    @Test
    void aValueThatIsNoNumberIsLeftOutAndTheOthersStillReported() {
        printed.emit(MetricsDocument.withDimensions(Map.of("Function", "daily")).metric("LiveMase", Double.NaN,
                MetricsDocument.Unit.NONE).metric("LiveCoverage80", 0.8, MetricsDocument.Unit.NONE));

        JsonNode doc = printed.get(0);
        assertEquals(Map.of("LiveCoverage80", "None"), EmfCapture.units(doc.path("_aws").path("CloudWatchMetrics").get(0)));
        assertEquals(0.8, doc.path("LiveCoverage80").asDouble());
    }
}
