package com.klinecast.training.pipeline;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.Bar;
import java.time.Instant;
import java.util.List;

/**
 * Which candles trained, validated and tested the model (open times, ISO-8601 UTC, inclusive). Origins inside
 * the training range must not be used to judge the model.
 */
public record DataRange(String trainFrom, String trainTo, String validationFrom, String validationTo, String testFrom,
        String testTo, int bars) {

    public static DataRange of(List<Bar> bars, Split split) {
        return new DataRange(iso(bars, 0), iso(bars, split.trainEnd() - 1), iso(bars, split.trainEnd()),
                iso(bars, split.validationEnd() - 1), iso(bars, split.validationEnd()), iso(bars, bars.size() - 1),
                bars.size());
    }

    private static String iso(List<Bar> bars, int index) {
        return Instant.ofEpochMilli(bars.get(index).openTime()).toString();
    }
}
