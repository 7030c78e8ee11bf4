package com.klinecast.core.evaluation.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/** Exact binomial tail probabilities: are k successes out of n more than a base rate explains? */
public final class Binomial {

    private Binomial() {
    }

    /** P(X >= k) for X ~ Binomial(n, p): the one-sided p-value of "better than the base rate p". */
    public static double pValueAtLeast(int k, int n, double p) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got " + k + " of " + n);
        }
        if (k == 0) {
            return 1;
        }
        return 1 - new BinomialDistribution(null, n, p).cumulativeProbability(k - 1);
    }
}
