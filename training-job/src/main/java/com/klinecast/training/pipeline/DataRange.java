package com.klinecast.training.pipeline;

/**
 * Which candles trained, validated and tested the model (open times, ISO-8601 UTC, inclusive). Origins inside
 * the training range must not be used to judge the model.
 */
public record DataRange(String trainFrom, String trainTo, String validationFrom, String validationTo, String testFrom,
        String testTo, int bars) {
}
