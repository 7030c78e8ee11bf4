package com.klinecast.core.bands;

import com.klinecast.core.forecast.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic daily closes whose answer is known. */
public final class SyntheticPrices {

    private SyntheticPrices() {
    }

    /** A Gaussian random walk in log price with constant daily deviation {@code sigma}. */
    public static List<Bar> randomWalk(int n, double sigma, long seed) {
        return ar1(n, 0, sigma, seed);
    }

    /** Log returns r(t) = phi r(t-1) + e(t), e ~ N(0, sigma²). */
    public static List<Bar> ar1(int n, double phi, double sigma, long seed) {
        Random random = new Random(seed);
        double[] r = new double[n];
        for (int t = 1; t < n; t++) {
            r[t] = phi * r[t - 1] + sigma * random.nextGaussian();
        }
        return bars(r);
    }

    /** A GARCH(1,1)-like series: calm and stormy spells (volatility clustering). */
    public static List<Bar> clustered(int n, long seed) {
        Random random = new Random(seed);
        double[] r = new double[n];
        double v = 1e-4 * 4;
        for (int t = 1; t < n; t++) {
            v = 4e-5 + 0.12 * r[t - 1] * r[t - 1] + 0.85 * v;
            r[t] = Math.sqrt(v) * random.nextGaussian();
        }
        return bars(r);
    }

    /** A random walk whose daily deviation changes once: {@code sigma1} for {@code n1} days, then {@code sigma2}. */
    public static List<Bar> regimeShift(int n1, double sigma1, int n2, double sigma2, long seed) {
        Random random = new Random(seed);
        double[] r = new double[n1 + n2];
        for (int t = 1; t < r.length; t++) {
            r[t] = (t < n1 ? sigma1 : sigma2) * random.nextGaussian();
        }
        return bars(r);
    }

    /** Bars with exactly these closes. */
    public static List<Bar> closes(double... closes) {
        double[] r = new double[closes.length];
        r[0] = Math.log(closes[0] / 100);
        for (int t = 1; t < closes.length; t++) {
            r[t] = Math.log(closes[t] / closes[t - 1]);
        }
        return bars(r);
    }

    private static List<Bar> bars(double[] logReturns) {
        List<Bar> bars = new ArrayList<>();
        double close = 100;
        long day = 86_400_000L;
        for (int t = 0; t < logReturns.length; t++) {
            double open = close;
            close = close * Math.exp(logReturns[t]);
            bars.add(new Bar(t * day, open, Math.max(open, close), Math.min(open, close), close, 1000));
        }
        return bars;
    }
}
