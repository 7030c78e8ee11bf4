package com.klinecast.core.evaluation.stats;

/** Proper scores of a forecast given as quantiles: lower is better. */
public final class QuantileScores {

    private QuantileScores() {
    }

    /** The pinball (quantile) loss of quantile {@code q} at level {@code tau} when {@code actual} happened. */
    public static double pinball(double q, double actual, double tau) {
        double u = actual - q;
        return u >= 0 ? tau * u : (tau - 1) * u;
    }

    /** Mean pinball loss over the levels. */
    public static double meanPinball(double[] quantiles, double[] levels, double actual) {
        double sum = 0;
        for (int i = 0; i < levels.length; i++) {
            sum += pinball(quantiles[i], actual, levels[i]);
        }
        return sum / levels.length;
    }

    /**
     * The continuous ranked probability score approximated from quantiles: CRPS = 2 ∫ pinball_τ dτ over (0, 1),
     * integrated with each level weighted by the half-way points to its neighbours (0 and 1 at the ends), so the
     * weights sum to 1 and unevenly spaced levels count by the probability they stand for.
     */
    public static double crps(double[] quantiles, double[] levels, double actual) {
        double sum = 0;
        for (int i = 0; i < levels.length; i++) {
            double lower = i == 0 ? 0 : (levels[i - 1] + levels[i]) / 2;
            double upper = i == levels.length - 1 ? 1 : (levels[i] + levels[i + 1]) / 2;
            sum += (upper - lower) * pinball(quantiles[i], actual, levels[i]);
        }
        return 2 * sum;
    }
}
