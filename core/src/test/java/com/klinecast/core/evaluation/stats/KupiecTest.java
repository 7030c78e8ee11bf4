package com.klinecast.core.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KupiecTest {

    @Test
    void matchesAHandComputedCount() {
        // A 90% band (10% promised failures) missed 20 of 100 closes.
        // LR = -2 [80 ln 0.9 + 20 ln 0.1] + 2 [80 ln 0.8 + 20 ln 0.2] = 2 [80 ln(8/9) + 20 ln 2] = 8.880602;
        // P(chi2_1 > 8.880602) = erfc(sqrt(8.880602 / 2)) = 0.0028822.
        assertEquals(8.880602, Kupiec.statistic(20, 100, 0.1), 1e-6);
        assertEquals(0.0028822, Kupiec.pValue(20, 100, 0.1), 1e-7);
    }

    @Test
    void theExactPromisedShareIsPerfectlyConsistent() {
        assertEquals(0, Kupiec.statistic(10, 100, 0.1), 1e-12);
        assertEquals(1, Kupiec.pValue(10, 100, 0.1), 1e-12);
    }

    @Test
    void noFailuresAtAllIsEvidenceOfATooWideBand() {
        // LR = -2 * 100 ln 0.9 = 21.07; with 0 failures the observed likelihood is 1.
        assertEquals(-200 * Math.log(0.9), Kupiec.statistic(0, 100, 0.1), 1e-12);
    }
}
