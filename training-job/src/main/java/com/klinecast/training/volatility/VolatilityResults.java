package com.klinecast.training.volatility;

import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.champion.Verdict;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The volatility results of a series, as a training run would produce them but publishing nothing: every model
 * (naive, mean30, HAR, the LSTM, the MLP) fitted and backtested on the test split, then the champion the rule
 * would end with when they are judged in that order against the champion of the moment, naive first.
 *
 * @param decisions each challenger's verdict against the champion it faced
 */
public record VolatilityResults(Series series, String variance, RealizedDaysInfo realized,
        List<VolatilityCandidate> candidates, List<Decision> decisions, String champion) {

    public VolatilityResults {
        candidates = List.copyOf(candidates);
        decisions = List.copyOf(decisions);
    }

    /** How many days were measured from their 1h candles, and their span (null dates when none). */
    public record RealizedDaysInfo(int days, String first, String last) {
    }

    /** A challenger judged against the champion of the moment. */
    public record Decision(String challenger, String champion, Verdict verdict) {
    }

    public static VolatilityResults evaluate(Series series, VolatilitySeries data, TrainingConfig config,
            VolatilityNetworks networks) {
        Split split = TrainingPipeline.split(data.bars(), config, -1);
        double[] variance = data.variance();
        long[] openTimes = data.openTimes();
        List<VolatilityCandidate> candidates = new ArrayList<>(VolatilityFits.fit(variance, openTimes, split,
                config.horizonArray(), config.maxHorizon()));
        candidates.addAll(networks.fit(variance, openTimes, split, config.horizonArray(), config.maxHorizon(),
                config.seed(), config.epochs()));
        PromotionRule rule = new PromotionRule(config.promotionHorizonsWithin(), PromotionRule.DEFAULT_ALPHA);
        VolatilityCandidate champion = candidates.get(0);
        List<Decision> decisions = new ArrayList<>();
        for (VolatilityCandidate challenger : candidates.subList(1, candidates.size())) {
            Verdict verdict = VolatilityJudge.verdict(variance, challenger.onTest(), champion.onTest(), rule);
            decisions.add(new Decision(challenger.model().family(), champion.model().family(), verdict));
            if (verdict.promote()) {
                champion = challenger;
            }
        }
        RealizedDaysInfo realized = new RealizedDaysInfo(data.days().realized(),
                data.realized() ? day(data.days().firstRealized()) : null,
                data.realized() ? day(data.days().lastRealized()) : null);
        return new VolatilityResults(series, config.varianceProxy().code(), realized, candidates, decisions,
                champion.model().family());
    }

    private static String day(long epochMillis) {
        return java.time.Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
    }
}
