package com.klinecast.core.champion;

import java.util.List;

/**
 * Whether a challenger passed the rule, and the numbers it was judged on, per promotion horizon.
 *
 * @param loss what was compared: MAE (absolute errors of a price or volume) or QLIKE (a variance forecast's)
 */
public record Verdict(boolean promote, List<HorizonEvidence> horizons, double alpha, String loss) {

    public Verdict {
        horizons = List.copyOf(horizons);
        loss = loss == null ? "MAE" : loss;
    }

    public Verdict(boolean promote, List<HorizonEvidence> horizons, double alpha) {
        this(promote, horizons, alpha, "MAE");
    }

    /** One line a person can read: the outcome and every horizon's numbers. */
    public String summary() {
        StringBuilder s = new StringBuilder(promote ? "beats the champion" : "does not beat the champion");
        s.append(" (Holm-corrected HLN-DM, p < ").append(alpha).append(" needed at one horizon, significantly worse "
                + "at none): ");
        for (int i = 0; i < horizons.size(); i++) {
            s.append(i == 0 ? "" : "; ").append(horizons.get(i).describe(loss));
        }
        return s.toString();
    }
}
