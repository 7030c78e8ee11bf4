package com.klinecast.core.champion;

import java.util.List;

/** Whether a challenger passed the rule, and the numbers it was judged on, per promotion horizon. */
public record Verdict(boolean promote, List<HorizonEvidence> horizons, double alpha) {

    public Verdict {
        horizons = List.copyOf(horizons);
    }

    /** One line a person can read: the outcome and every horizon's numbers. */
    public String summary() {
        StringBuilder s = new StringBuilder(promote ? "beats the champion" : "does not beat the champion");
        s.append(" (Holm-corrected HLN-DM, p < ").append(alpha).append(" needed at one horizon, significantly worse "
                + "at none): ");
        for (int i = 0; i < horizons.size(); i++) {
            s.append(i == 0 ? "" : "; ").append(horizons.get(i));
        }
        return s.toString();
    }
}
