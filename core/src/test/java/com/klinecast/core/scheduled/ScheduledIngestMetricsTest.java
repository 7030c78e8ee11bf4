package com.klinecast.core.scheduled;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.ingest.ExchangeUsage;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.testing.EmfCapture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scheduled run's metrics as Powertools prints them: the names, units, namespace and dimension sets the
 * template's alarms read (BinanceRateLimitAlarm, StaleSeriesAlarm: Function alone).
 */
class ScheduledIngestMetricsTest {

    @Test
    void aWorkersSeriesReportsTheExchangesLimitsUnderItsFunction() {
        EmfCapture printed = new EmfCapture();
        SeriesReport report = new SeriesReport("ETHUSDT#1h", SeriesReport.Status.FAILED, 0, 0, null,
                "2025-06-29T20:00:00Z", 2, false, "banned");

        printed.emit(ScheduledIngest.metricsOf(IngestService.Mode.SYNC, report,
                new ExchangeUsage(40, 1, 2, 1, 3, 1500), Instant.parse("2025-06-30T00:30:00Z"), "req-7"));

        JsonNode doc = printed.get(0);
        JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("Klinecast", directive.path("Namespace").asText());
        assertEquals(List.of(List.of("Function", "Series"), List.of("Function")), EmfCapture.dimensionSets(directive));
        assertEquals("worker", doc.path("Function").asText());
        assertEquals("ETHUSDT#1h", doc.path("Series").asText());
        assertEquals("Count", EmfCapture.units(directive).get("BinanceRateLimited"));
        assertEquals("Count", EmfCapture.units(directive).get("BinanceBanned"));
        assertEquals("Milliseconds", EmfCapture.units(directive).get("BinanceBackoff"));
        assertEquals(2, doc.path("BinanceRateLimited").asInt());
        assertEquals(1, doc.path("BinanceBanned").asInt());
        assertEquals(1, doc.path("SeriesFailed").asInt());
        assertEquals(3, doc.path("IntervalsBehind").asInt(), "21:00, 22:00 and 23:00 closed since the last written");
        assertEquals("FAILED", doc.path("status").asText());
        assertEquals("req-7", doc.path("requestId").asText());
    }
}
