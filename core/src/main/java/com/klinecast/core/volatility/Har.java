package com.klinecast.core.volatility;

/**
 * The heterogeneous autoregressive model of Corsi (2009): tomorrow's variance regressed on today's, the last
 * week's mean and the last month's mean (HAR(1, 7, 30)), fitted by least squares. On the log scale the regressors
 * and the target are logs, which tames the crash days that dominate squared errors in levels; a log forecast is
 * turned back into a variance with the lognormal correction exp(σ²/2) of its residuals. Forecasts beyond a day
 * feed each one-day forecast back in, and horizon h averages the first h.
 *
 * @param beta intercept, then the daily, weekly and monthly coefficients
 * @param logScale whether the regression is on log variances
 * @param residualVariance variance of the regression's residuals (on its own scale)
 */
public record Har(double[] beta, boolean logScale, double residualVariance) implements VolatilityModel {

    public static final int DAY = 1;
    public static final int WEEK = 7;
    public static final int MONTH = 30;

    public Har {
        if (beta == null || beta.length != 4) {
            throw new IllegalArgumentException("HAR has an intercept and three coefficients");
        }
        beta = beta.clone();
    }

    /** Fits on the samples whose target day lies in [fromTarget, toTarget) and has a month of history before it. */
    public static Har fit(double[] variance, int fromTarget, int toTarget, boolean logScale) {
        int first = Math.max(fromTarget, MONTH);
        int n = toTarget - first;
        if (n < 10) {
            throw new IllegalArgumentException("HAR needs at least 10 days with a month of history, got " + n);
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int target = first + i;
            x[i] = regressors(variance, target - 1, logScale);
            y[i] = scale(variance[target], logScale);
        }
        double[] beta = LeastSquares.fit(x, y);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - dot(beta, x[i]);
            squares += e * e;
        }
        return new Har(beta, logScale, squares / Math.max(1, n - beta.length));
    }

    @Override
    public String family() {
        return "har";
    }

    @Override
    public int history() {
        return MONTH;
    }

    @Override
    public double[] forecast(double[] variance, int origin, int maxHorizon) {
        // The month before the origin, then each day's forecast appended as if observed.
        double[] path = new double[MONTH + maxHorizon];
        System.arraycopy(variance, origin - MONTH + 1, path, 0, MONTH);
        double[] out = new double[maxHorizon];
        double sum = 0;
        for (int h = 1; h <= maxHorizon; h++) {
            int today = MONTH - 2 + h;
            double next = dot(beta, regressors(path, today, logScale));
            double level = logScale ? Math.exp(next + residualVariance / 2) : next;
            path[today + 1] = Math.max(VarianceProxy.FLOOR, level);
            sum += path[today + 1];
            out[h - 1] = sum / h;
        }
        return out;
    }

    /** 1, the day's, the week's and the month's variance ending at {@code today}, on the model's scale. */
    private static double[] regressors(double[] v, int today, boolean logScale) {
        return new double[] {1, scale(v[today], logScale),
            scale(VolatilityModel.mean(v, today - WEEK + 1, today), logScale),
            scale(VolatilityModel.mean(v, today - MONTH + 1, today), logScale)};
    }

    private static double scale(double v, boolean logScale) {
        return logScale ? Math.log(v) : v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
