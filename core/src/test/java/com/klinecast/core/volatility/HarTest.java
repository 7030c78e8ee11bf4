package com.klinecast.core.volatility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** HAR fitted on simulated HAR processes recovers their coefficients; its forecasts average its daily path. */
class HarTest {

    private static final int DAYS = 20_000;

    @Test
    void levelCoefficientsAreRecoveredFromASimulatedHarProcess() {
        double[] truth = {2e-5, 0.35, 0.30, 0.25};
        Random random = new Random(7);
        double[] v = warmStart();
        for (int t = Har.MONTH; t < DAYS; t++) {
            // Multiplicative noise with mean 1 keeps the variance positive and the conditional mean linear.
            v[t] = expected(truth, v, t - 1, false) * (0.5 + random.nextDouble());
        }

        Har har = Har.fit(v, 0, DAYS, false);

        assertEquals(truth[0], har.beta()[0], 1e-5);
        for (int i = 1; i < 4; i++) {
            assertEquals(truth[i], har.beta()[i], 0.04, "coefficient " + i);
        }
    }

    @Test
    void logCoefficientsAndResidualVarianceAreRecovered() {
        double[] truth = {-1.0, 0.4, 0.3, 0.2};
        Random random = new Random(11);
        double[] v = warmStart();
        for (int t = Har.MONTH; t < DAYS; t++) {
            v[t] = Math.exp(expected(truth, v, t - 1, true) + 0.5 * random.nextGaussian());
        }

        Har har = Har.fit(v, 0, DAYS, true);

        for (int i = 0; i < 4; i++) {
            assertEquals(truth[i], har.beta()[i], i == 0 ? 0.15 : 0.03, "coefficient " + i);
        }
        assertEquals(0.25, har.residualVariance(), 0.01);
    }

    @Test
    void horizonHIsTheMeanOfTheFirstHDailyForecasts() {
        Har har = new Har(new double[] {1e-4, 0.5, 0, 0}, false, 0);
        double[] v = new double[Har.MONTH];
        java.util.Arrays.fill(v, 4e-4);

        double[] f = har.forecast(v, Har.MONTH - 1, 3);

        // Daily path 1e-4 + 0.5 × previous: 3e-4, 2.5e-4, 2.25e-4.
        assertArrayEquals(new double[] {3e-4, 2.75e-4, 2.5833333333e-4}, f, 1e-12);
    }

    @Test
    void naiveAndTheMonthlyMeanRepeatTheirLevel() {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        assertArrayEquals(new double[] {40, 40}, new NaiveVariance().forecast(v, 39, 2));
        // Days 11 .. 40: mean 25.5.
        assertArrayEquals(new double[] {25.5, 25.5}, MeanVariance.defaults().forecast(v, 39, 2));
    }

    @Test
    void modelsRoundTripThroughTheManifestsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (VolatilityModel m : new VolatilityModel[] {new NaiveVariance(), MeanVariance.defaults(),
            new Har(new double[] {1, 2, 3, 4}, true, 0.5)}) {
            VolatilityModel back = json.readValue(json.writeValueAsString(m), VolatilityModel.class);
            assertEquals(m.family(), back.family());
            assertArrayEquals(m.forecast(ramp(), 39, 5), back.forecast(ramp(), 39, 5), 0);
        }
    }

    private static double[] ramp() {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1e-4 * (1 + i % 5);
        }
        return v;
    }

    private static double[] warmStart() {
        double[] v = new double[DAYS];
        java.util.Arrays.fill(v, 0, Har.MONTH, 2e-4);
        return v;
    }

    /** The true model's next-day value on its own scale, from days up to {@code today}. */
    private static double expected(double[] b, double[] v, int today, boolean log) {
        double d = v[today];
        double w = VolatilityModel.mean(v, today - 6, today);
        double m = VolatilityModel.mean(v, today - 29, today);
        return log ? b[0] + b[1] * Math.log(d) + b[2] * Math.log(w) + b[3] * Math.log(m)
                : b[0] + b[1] * d + b[2] * w + b[3] * m;
    }
}
