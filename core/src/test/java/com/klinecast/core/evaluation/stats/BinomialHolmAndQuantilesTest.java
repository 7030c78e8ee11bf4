package com.klinecast.core.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinomialHolmAndQuantilesTest {

    @Test
    void binomialTailOfAHandCount() {
        // P(X >= 8), X ~ Bin(10, 1/2) = (45 + 10 + 1) / 1024.
        assertEquals(56.0 / 1024, Binomial.pValueAtLeast(8, 10, 0.5), 1e-12);
        assertEquals(1, Binomial.pValueAtLeast(0, 10, 0.5), 1e-12);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {-2, -1, 0, 1, 2};

        assertEquals(-1.6, Quantiles.ofSorted(sorted, 0.1), 1e-12);
        assertEquals(1.6, Quantiles.ofSorted(sorted, 0.9), 1e-12);
        assertArrayEquals(new double[] {-1.6, 0, 1.6}, Quantiles.of(new double[] {2, -2, 0, 1, -1},
                new double[] {0.1, 0.5, 0.9}), 1e-12);
    }

    @Test
    void holmMultipliesTheSmallestByTheNumberOfTestsAndStaysMonotone() {
        // Sorted 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04, raised to 0.06 to stay monotone).
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-12);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12);
    }
}
