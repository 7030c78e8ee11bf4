package com.klinecast.training.volatility;

import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.champion.Verdict;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.series.Series;
import com.klinecast.training.judge.ComparingJudge;
import com.klinecast.core.volatility.NaiveVariance;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.core.volatility.VolatilityBacktest;
import com.klinecast.core.volatility.VolatilityForecasts;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Judges a volatility challenger against the volatility champion by {@link PromotionRule} on QLIKE: the champion
 * forecasts from the challenger's test origins, and their per-origin QLIKE losses are compared by HLN-DM, Holm
 * across the rule's horizons. A champion validated inside that window, or measuring another variance (another
 * estimator, or days from hours where the other used daily candles), is not compared: the champion stays. Naive,
 * which fits nothing, is compared on the challenger's measure.
 */
final class VolatilityJudge extends ComparingJudge {

    private final double[] variance;
    private final long[] openTimes;
    private final VarianceProxy proxy;
    private final boolean realized;
    private final VolatilityForecasts challenger;
    private final PromotionRule rule;

    VolatilityJudge(Series series, double[] variance, long[] openTimes, VarianceProxy proxy, boolean realized,
            VolatilityForecasts challenger, PromotionRule rule, Consumer<String> log) {
        super(series, log, "the volatility champion");
        this.variance = variance;
        this.openTimes = openTimes;
        this.proxy = proxy;
        this.realized = realized;
        this.challenger = challenger;
        this.rule = rule;
    }

    @Override
    protected Verdict compare(ModelManifest champion) {
        return compare(PublishedVolatility.of(champion));
    }

    private Verdict compare(PublishedVolatility champion) {
        if (champion.proxy() != proxy) {
            throw new IllegalArgumentException("it forecasts the " + champion.proxy().code() + " variance, this the "
                    + proxy.code());
        }
        if (champion.realized() != realized && !(champion.model() instanceof NaiveVariance)) {
            throw new IllegalArgumentException(champion.realized() ? "it measured days from their 1h candles, this "
                    + "from the daily candles alone" : "it measured days from the daily candles alone, this from "
                    + "their 1h candles where the table holds them");
        }
        int first = challenger.origins()[0];
        if (!(champion.model() instanceof NaiveVariance)
                && openTimes[first + 1] <= champion.validatedUntil().toEpochMilli()) {
            throw new IllegalArgumentException("it was validated up to " + champion.validatedUntil()
                    + ", inside this test window");
        }
        int last = challenger.origins()[challenger.origins().length - 1];
        VolatilityForecasts theirs = VolatilityForecasts.of(champion.model(), variance, first, last + 1,
                challenger.maxHorizon());
        return verdict(variance, challenger, theirs, rule);
    }

    /**
     * The rule on QLIKE: per horizon of the rule (those the forecasts reach), the two models' losses on the origins
     * both forecast from, by Holm-corrected HLN-DM.
     */
    static Verdict verdict(double[] variance, VolatilityForecasts challenger, VolatilityForecasts champion,
            PromotionRule rule) {
        int[] horizons = Arrays.stream(rule.horizons()).filter(h -> h <= challenger.maxHorizon()).toArray();
        double[][] mine = new double[horizons.length][];
        double[][] other = new double[horizons.length][];
        for (int j = 0; j < horizons.length; j++) {
            VolatilityBacktest.Losses a = VolatilityBacktest.losses(variance, challenger, horizons[j]);
            VolatilityBacktest.Losses b = VolatilityBacktest.losses(variance, champion, horizons[j]);
            int[] common = Arrays.stream(a.origins()).filter(o -> Arrays.binarySearch(b.origins(), o) >= 0)
                    .toArray();
            mine[j] = restrict(a, common);
            other[j] = restrict(b, common);
        }
        return new PromotionRule(horizons, rule.alpha()).judgeLosses("QLIKE", mine, other);
    }

    private static double[] restrict(VolatilityBacktest.Losses losses, int[] origins) {
        double[] out = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            out[i] = losses.qlike()[Arrays.binarySearch(losses.origins(), origins[i])];
        }
        return out;
    }
}
