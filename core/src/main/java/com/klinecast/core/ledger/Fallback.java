package com.klinecast.core.ledger;

import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.champion.Verdict;
import com.klinecast.core.forecast.ModelFamily;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The automatic fallback: naive, judged as a challenger by the champion rule on the champion's own live record
 * over the trailing 90 days, replaces a champion it beats (Holm-corrected HLN-DM p < 0.05 at a promotion horizon,
 * significantly worse at none). A horizon with fewer than {@link #MIN_MATURED} matured forecasts is not judged:
 * a handful of days is no record.
 */
final class Fallback {

    static final int DAYS = 90;

    static final int MIN_MATURED = 30;

    private final int[] horizons;

    Fallback(int[] horizons) {
        this.horizons = horizons.clone();
    }

    /**
     * @param entries the ledger up to {@code asOf}, oldest first, with their scores
     * @return the reason to fall back to naive, or empty when the champion stays
     */
    Optional<String> judge(List<LedgerEntry> entries, ServingModel champion, long asOf) {
        if (ModelFamily.NAIVE.code().equals(champion.family())) {
            return Optional.empty();
        }
        long from = asOf - Duration.ofDays(DAYS).toMillis();
        List<LedgerEntry> served = entries.stream().filter(e -> e.version() == champion.version()).toList();
        int[] judged = Arrays.stream(horizons).filter(h -> h <= champion.maxHorizon()
                && LiveSkill.matured(served, h, s -> s.targetTime() > from).count() >= MIN_MATURED).toArray();
        if (judged.length == 0) {
            return Optional.empty();
        }
        double[][] naive = new double[judged.length][];
        double[][] model = new double[judged.length][];
        for (int j = 0; j < judged.length; j++) {
            Matured m = LiveSkill.matured(served, judged[j], s -> s.targetTime() > from);
            naive[j] = m.naiveAbsErrors();
            model[j] = m.absErrors();
        }
        Verdict verdict = new PromotionRule(judged, PromotionRule.DEFAULT_ALPHA).judgeLosses("MAE", naive, model);
        if (!verdict.promote()) {
            return Optional.empty();
        }
        return Optional.of("automatic fallback: over the " + DAYS + " days to " + LiveSkill.iso(asOf)
                + " version " + champion.version() + "'s live forecasts lost to naive; naive " + verdict.summary());
    }
}
