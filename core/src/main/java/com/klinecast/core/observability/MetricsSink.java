package com.klinecast.core.observability;

/**
 * Where metric documents go: standard output as Embedded Metric Format in a function or container
 * ({@link PowertoolsMetricsSink}; CloudWatch Logs turns the documents into metrics), nowhere or a list locally.
 */
@FunctionalInterface
public interface MetricsSink {

    MetricsSink NONE = document -> { };

    void emit(MetricsDocument document);
}
