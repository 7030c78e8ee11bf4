package com.klinecast.core.observability;

/**
 * Where metric documents go: standard output in a Lambda (CloudWatch Logs extracts Embedded Metric Format
 * documents from it), nowhere or a list locally.
 */
@FunctionalInterface
public interface MetricsSink {

    MetricsSink NONE = document -> { };

    /** Standard output, one document per line: what Lambda ships to CloudWatch Logs. */
    MetricsSink STDOUT = System.out::println;

    void emit(String document);
}
