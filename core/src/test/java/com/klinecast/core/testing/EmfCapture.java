package com.klinecast.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.observability.MetricsDocument;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.observability.PowertoolsMetricsSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metrics sink for tests: each document goes through the real Powertools sink while standard output is captured,
 * and what the library printed is kept, parsed: the Embedded Metric Format that CloudWatch Logs would read.
 */
public final class EmfCapture implements MetricsSink {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PowertoolsMetricsSink SINK = new PowertoolsMetricsSink();

    private final List<JsonNode> documents = new ArrayList<>();

    @Override
    public void emit(MetricsDocument document) {
        String printed;
        synchronized (EmfCapture.class) {
            PrintStream out = System.out;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            try {
                SINK.emit(document);
            } finally {
                System.setOut(out);
            }
            printed = buffer.toString(StandardCharsets.UTF_8);
        }
        synchronized (documents) {
            for (String line : printed.split("\\R")) {
                if (line.startsWith("{") && line.contains("\"_aws\"")) {
                    documents.add(parse(line));
                }
            }
        }
    }

    /** Every document printed so far, in order. */
    public List<JsonNode> documents() {
        synchronized (documents) {
            return List.copyOf(documents);
        }
    }

    public JsonNode get(int index) {
        return documents().get(index);
    }

    public boolean isEmpty() {
        return documents().isEmpty();
    }

    public int size() {
        return documents().size();
    }

    /** A directive's ({@code _aws.CloudWatchMetrics[i]}) dimension sets, as names. */
    public static List<List<String>> dimensionSets(JsonNode directive) {
        List<List<String>> out = new ArrayList<>();
        directive.path("Dimensions").forEach(set -> {
            List<String> names = new ArrayList<>();
            set.forEach(name -> names.add(name.asText()));
            out.add(names);
        });
        return out;
    }

    /** A directive's metrics: each one's unit by name. */
    public static Map<String, String> units(JsonNode directive) {
        Map<String, String> out = new LinkedHashMap<>();
        directive.path("Metrics").forEach(m -> out.put(m.path("Name").asText(), m.path("Unit").asText()));
        return out;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
