package com.klinecast.core.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DieboldMarianoTest {

    @Test
    void matchesAHandComputedExample() {
        // |e1| - |e2| = -1, -2, 0, -1, -3, 1: n = 6, mean -1, deviations 0, -1, 1, 0, -2, 2.
        // gamma0 = (0 + 1 + 1 + 0 + 4 + 4) / 6 = 10/6; gamma1 = (0 - 1 + 0 + 0 - 4) / 6 = -5/6.
        // h = 2: one Bartlett lag of weight 1/2, long-run variance 10/6 - 5/6 = 5/6, var(mean) = 5/36,
        // DM = -1 / sqrt(5/36) = -6/sqrt(5). HLN factor sqrt((6 + 1 - 4 + 2/6) / 6) = sqrt(5)/3, so DM* = -2.
        // P(T_5 < -2) = 0.050970 (Student t, 5 degrees of freedom).
        double[] model = {1, 1, 2, 1, 0, 4};
        double[] naive = {2, 3, 2, 2, 3, 3};

        DmTest test = DieboldMariano.absoluteErrors(model, naive, 2);

        assertEquals(6, test.n());
        assertEquals(-1, test.meanDifferential(), 1e-12);
        assertEquals(-2, test.statistic(), 1e-12);
        assertEquals(0.050970, test.pBetter(), 1e-6);
        assertEquals(1 - 0.050970, test.pWorse(), 1e-6);
    }

    @Test
    void atHorizonOneItIsTheCorrectedTTestOfTheMeanDifferential() {
        // h = 1: no lags; var(mean) = gamma0 / n = (10/6) / 6; DM = -1 / sqrt(10/36); factor sqrt((6 + 1 - 2) / 6).
        double[] d = {-1, -2, 0, -1, -3, 1};

        DmTest test = DieboldMariano.ofDifferentials(d, 1);

        assertEquals(-6 / Math.sqrt(10) * Math.sqrt(5.0 / 6), test.statistic(), 1e-12);
    }

    @Test
    void identicalForecastsShowNoEvidenceEitherWay() {
        double[] e = {1, 2, 3, 4};

        DmTest test = DieboldMariano.absoluteErrors(e, e, 1);

        assertEquals(1, test.pBetter());
        assertEquals(1, test.pWorse());
    }

    @Test
    void aConsistentlyWorseForecastIsSignificantlyWorse() {
        double[] model = new double[200];
        double[] naive = new double[200];
        for (int t = 0; t < 200; t++) {
            naive[t] = 1 + (t % 7) * 0.1;
            model[t] = naive[t] * 1.5 + (t % 3) * 0.05;
        }

        DmTest test = DieboldMariano.absoluteErrors(model, naive, 7);

        assertTrue(test.pWorse() < 1e-6, "p worse " + test.pWorse());
        assertTrue(test.pBetter() > 0.99, "p better " + test.pBetter());
    }
}
