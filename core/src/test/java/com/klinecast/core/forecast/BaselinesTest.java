package com.klinecast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.klinecast.core.bands.SyntheticPrices;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final List<Bar> BARS = SyntheticPrices.ar1(500, 0.1, 0.02, 5);

    @Test
    void naiveRepeatsTheLastClose() {
        Forecaster naive = Baselines.forecaster(Baselines.scaling(ModelFamily.NAIVE, BARS.subList(0, 300),
                Target.CLOSE), 3,
                Interval.D1);
        double last = BARS.get(399).close();

        assertArrayEquals(new double[] {last, last, last}, naive.forecast(BARS.subList(0, 400), 3), 1e-9 * last);
    }

    @Test
    void driftCompoundsTheTrainingSplitsMeanLogReturn() {
        List<Bar> training = BARS.subList(0, 300);
        double mean = Math.log(training.get(299).close() / training.get(0).close()) / 299;
        Forecaster drift = Baselines.forecaster(Baselines.scaling(ModelFamily.DRIFT, training, Target.CLOSE), 3,
                Interval.D1);
        double last = BARS.get(399).close();

        assertArrayEquals(new double[] {last * Math.exp(mean), last * Math.exp(2 * mean), last * Math.exp(3 * mean)},
                drift.forecast(BARS.subList(0, 400), 3), 1e-9 * last);
    }
}
