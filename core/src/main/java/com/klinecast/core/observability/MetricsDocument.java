package com.klinecast.core.observability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one CloudWatch Embedded Metric Format document reports: metric values under one set of dimensions (and
 * optional roll-ups to subsets of it), plus properties (searchable in Logs Insights, not metrics) such as the
 * request id that correlates it with the invocation's logs. A {@link MetricsSink} turns it into the document.
 */
public final class MetricsDocument {

    public static final String NAMESPACE = "Klinecast";

    /** The units used here. */
    public enum Unit {
        COUNT, MILLISECONDS, SECONDS, NONE
    }

    /** One metric value and its unit. */
    public record Value(String name, double value, Unit unit) {
    }

    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
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
        values.put(name, new Value(name, value, unit));
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

    /** The dimensions in the order given. */
    public Map<String, String> dimensions() {
        return Collections.unmodifiableMap(dimensions);
    }

    /** Each roll-up's dimensions with their values, in the order given. */
    public List<Map<String, String>> rollUps() {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> names : rollUps) {
            Map<String, String> subset = new LinkedHashMap<>();
            names.forEach(name -> subset.put(name, dimensions.get(name)));
            out.add(subset);
        }
        return out;
    }

    public List<Value> values() {
        return List.copyOf(values.values());
    }

    public Value value(String name) {
        return values.get(name);
    }

    /** The properties; a null value is kept (a sink may leave it out). */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
