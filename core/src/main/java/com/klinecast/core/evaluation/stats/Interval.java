package com.klinecast.core.evaluation.stats;

/** A confidence interval for a statistic: {@code low} to {@code high}, both inclusive. */
public record Interval(double low, double high) {
}
