package com.klinecast.core.volatility;

/**
 * How a network reads and writes variances: on the log scale (log variance standardized) or in levels (variance
 * standardized), with the centre and spread of the training split's days. Training and serving both go through
 * it, so a network is fed exactly as it was trained.
 *
 * @param logScale whether inputs and targets are log variances
 * @param center mean of the training split's (log) variances
 * @param spread their standard deviation
 */
public record VarianceScaling(boolean logScale, double center, double spread) {

    public VarianceScaling {
        if (!(spread > 0) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("a variance scaling needs a finite centre and a positive spread");
        }
    }

    /** Centre and spread of {@code variance[0 .. trainEnd)} on the chosen scale. */
    public static VarianceScaling fit(double[] variance, int trainEnd, boolean logScale) {
        double sum = 0;
        for (int i = 0; i < trainEnd; i++) {
            sum += scale(variance[i], logScale);
        }
        double mean = sum / trainEnd;
        double squares = 0;
        for (int i = 0; i < trainEnd; i++) {
            double d = scale(variance[i], logScale) - mean;
            squares += d * d;
        }
        return new VarianceScaling(logScale, mean, Math.sqrt(squares / Math.max(1, trainEnd - 1)));
    }

    /** The {@code window} days ending at {@code origin}, oldest first, one scaled value per step. */
    public double[][] input(double[] variance, int origin, int window) {
        double[][] x = new double[window][1];
        for (int t = 0; t < window; t++) {
            x[t][0] = (scale(variance[origin - window + 1 + t], logScale) - center) / spread;
        }
        return x;
    }

    /** The scaled mean variance over days origin+1 .. origin+h: what the network's output h is trained on. */
    public double target(double[] variance, int origin, int h) {
        return (scale(VolatilityForecasts.actual(variance, origin, h), logScale) - center) / spread;
    }

    /** A scaled output back as a variance (before any correction), never below the floor. */
    public double variance(double output) {
        double v = output * spread + center;
        return Math.max(VarianceProxy.FLOOR, logScale ? Math.exp(v) : v);
    }

    private static double scale(double v, boolean logScale) {
        return logScale ? Math.log(v) : v;
    }
}
