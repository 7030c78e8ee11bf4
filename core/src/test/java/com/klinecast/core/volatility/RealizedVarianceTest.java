package com.klinecast.core.volatility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.forecast.Bar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days measured from their 24 hourly candles against sums worked by hand; partial days fall back to the day. */
class RealizedVarianceTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    // Day candles: open 100, high 110, low 95, close 105: Parkinson ln(110/95)² / (4 ln 2) = 0.0077518092.
    private static final List<Bar> DAYS = List.of(day(0), day(1), day(2));

    @Test
    void aDayWithAll24HoursIsTheSumOfTheirParkinsonVariances() {
        // Day 0: 12 hours of high 101 / low 99, 12 of high 102 / low 98.
        //   ln(101/99)² / (4 ln 2) = 0.00014427912, ln(102/98)² / (4 ln 2) = 0.00057723200
        //   12 × 0.00014427912 + 12 × 0.00057723200 = 0.00865813289
        // Day 1: 24 hours of 101 / 99: 24 × 0.00014427912 = 0.00346269895.
        // Day 2: its 13:00 candle is missing, so its own daily candle measures it.
        List<Bar> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h % 2 == 0 ? hour(0, h, 101, 99) : hour(0, h, 102, 98));
            hours.add(hour(1, h, 101, 99));
            if (h != 13) {
                hours.add(hour(2, h, 101, 99));
            }
        }
        Collections.shuffle(hours, new java.util.Random(7)); // order does not matter

        RealizedVariance.Days days = RealizedVariance.of(VarianceProxy.PARKINSON, DAYS, hours);

        assertEquals(0.00865813289, days.variance()[0], 1e-11);
        assertEquals(0.00346269895, days.variance()[1], 1e-11);
        assertEquals(0.0077518092, days.variance()[2], 1e-10);
        assertEquals(2, days.realized());
        assertEquals(0, days.firstRealized());
        assertEquals(DAY, days.lastRealized());
    }

    @Test
    void withoutHoursEveryDayIsItsOwnCandle() {
        RealizedVariance.Days days = RealizedVariance.of(VarianceProxy.PARKINSON, DAYS, List.of());
        assertEquals(0, days.realized());
        assertEquals(-1, days.firstRealized());
        for (double v : days.variance()) {
            assertEquals(0.0077518092, v, 1e-10);
        }
    }

    @Test
    void hoursOfOtherDaysOrOffTheHourDoNotCount() {
        List<Bar> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            // Half an hour late: 24 candles inside day 0, none at a whole hour.
            hours.add(new Bar(h * HOUR + HOUR / 2, 100, 101, 99, 100, 1));
        }
        assertEquals(0, RealizedVariance.of(VarianceProxy.PARKINSON, DAYS, hours).realized());
    }

    @Test
    void flatHoursAddNothingAndAFlatDayIsFloored() {
        List<Bar> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new Bar(h * HOUR, 100, 100, 100, 100, 1));
        }
        assertEquals(VarianceProxy.FLOOR, RealizedVariance.of(VarianceProxy.PARKINSON, DAYS, hours).variance()[0]);
    }

    private static Bar day(int d) {
        return new Bar(d * DAY, 100, 110, 95, 105, 1);
    }

    private static Bar hour(int d, int h, double high, double low) {
        return new Bar(d * DAY + h * HOUR, 100, high, low, 100, 1);
    }
}
