package com.klinecast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seasonal naive repeats the same weekday of the last week; mean7 the last week's mean. */
class WindowBaselineTest {

    private static List<Bar> days(double... volumes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < volumes.length; i++) {
            bars.add(new Bar(i * 86_400_000L, 100, 101, 99, 100, volumes[i]));
        }
        return bars;
    }

    // Days 0 .. 8; the origin is day 8, the last week days 2 .. 8.
    private static final List<Bar> HISTORY = days(1, 2, 10, 20, 30, 40, 50, 60, 70);

    @Test
    void seasonalNaiveForecastsEachDayAsTheSameWeekdayLastWeek() {
        Forecaster seasonal = Baselines.forecaster(Baselines.scaling(ModelFamily.SEASONAL_NAIVE, HISTORY,
                Target.VOLUME), 9, Interval.D1);

        // Day 9 is day 2's weekday, ..., day 15 is day 8's, day 16 day 2's again.
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60, 70, 10, 20}, seasonal.forecast(HISTORY, 9), 1e-12);
        assertEquals(7, seasonal.barsNeeded());
    }

    @Test
    void mean7RepeatsTheLastWeeksMean() {
        Forecaster mean = Baselines.forecaster(Baselines.scaling(ModelFamily.MEAN7, HISTORY, Target.VOLUME), 2,
                Interval.D1);

        assertArrayEquals(new double[] {40, 40}, mean.forecast(HISTORY, 2), 1e-12);
    }

    @Test
    void aWindowBaselineTravelsInTheManifestAsAScaling() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Scaling scaling = Baselines.scaling(ModelFamily.SEASONAL_NAIVE, HISTORY, Target.VOLUME);

        Scaling back = json.readValue(json.writeValueAsString(scaling), Scaling.class);

        assertEquals(scaling, back);
        assertEquals(Target.VOLUME, back.target());
    }
}
