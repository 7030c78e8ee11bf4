package com.klinecast.core.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class QuantileScoresTest {

    @Test
    void pinballWeighsUnderAndOverPredictionByTheLevel() {
        assertEquals(0.9 * 2, QuantileScores.pinball(8, 10, 0.9), 1e-12);
        assertEquals(0.1 * 2, QuantileScores.pinball(12, 10, 0.9), 1e-12);
        assertEquals(0, QuantileScores.pinball(10, 10, 0.3), 1e-12);
    }

    @Test
    void crpsFromManyQuantilesOfAStandardNormalApproachesItsClosedForm() {
        // CRPS(N(0, 1), 0) = 2 phi(0) - 1 / sqrt(pi) = 0.233695.
        int k = 999;
        double[] levels = new double[k];
        double[] quantiles = new double[k];
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int i = 0; i < k; i++) {
            levels[i] = (i + 1) / (k + 1.0);
            quantiles[i] = normal.inverseCumulativeProbability(levels[i]);
        }

        assertEquals(0.233695, QuantileScores.crps(quantiles, levels, 0), 2e-3);
    }

    @Test
    void aPointMassAtTheOutcomeScoresZero() {
        double[] levels = {0.05, 0.5, 0.95};
        assertEquals(0, QuantileScores.crps(new double[] {3, 3, 3}, levels, 3), 1e-12);
        assertEquals(0, QuantileScores.meanPinball(new double[] {3, 3, 3}, levels, 3), 1e-12);
    }
}
