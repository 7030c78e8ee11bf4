package com.klinecast.core.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document: metric values under one set of dimensions, plus properties
 * (searchable in Logs Insights, not metrics) such as the request id that correlates it with the invocation's logs.
 * Written by hand because the format is a few fields and the official client would add a dependency to every jar.
 */
public final class MetricsDocument {

    public static final String NAMESPACE = "Klinecast";

    /** The units used here (CloudWatch's names). */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds"), SECONDS("Seconds"), NONE("None");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<Map<String, String>> definitions = new ArrayList<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<List<String>> rollUps = new ArrayList<>();

    private MetricsDocument() {
    }

    /** A document whose metrics are all reported under {@code dimensions} (e.g. Function, Series). */
    public static MetricsDocument withDimensions(Map<String, String> dimensions) {
        MetricsDocument document = new MetricsDocument();
        document.dimensions.putAll(dimensions);
        return document;
    }

    public MetricsDocument metric(String name, double value, Unit unit) {
        values.put(name, value);
        definitions.add(Map.of("Name", name, "Unit", unit.cloudWatchName));
        return this;
    }

    /**
     * Also reports every metric under a subset of the dimensions, e.g. by Function alone across series: one
     * alarm can then watch the worst series without naming each.
     */
    public MetricsDocument rollUp(String... dimensionNames) {
        for (String name : dimensionNames) {
            if (!dimensions.containsKey(name)) {
                throw new IllegalArgumentException("no dimension " + name + " to roll up by");
            }
        }
        rollUps.add(List.of(dimensionNames));
        return this;
    }

    public MetricsDocument property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public String toJson(Instant timestamp) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<List<String>> dimensionSets = new ArrayList<>();
        dimensionSets.add(List.copyOf(dimensions.keySet()));
        dimensionSets.addAll(rollUps);
        root.put("_aws", Map.of("Timestamp", timestamp.toEpochMilli(), "CloudWatchMetrics", List.of(Map.of(
                "Namespace", NAMESPACE, "Dimensions", dimensionSets, "Metrics", definitions))));
        root.putAll(dimensions);
        root.putAll(properties);
        root.putAll(values);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
