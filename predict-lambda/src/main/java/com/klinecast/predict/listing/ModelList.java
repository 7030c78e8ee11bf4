package com.klinecast.predict.listing;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /models}: a series' versions of one target (close or volume) with their skill beside
 * naive, and that target's champion. A version whose manifest cannot be read is listed under {@code unreadable}
 * with the reason, so it neither hides the others nor passes for a usable version.
 */
public record ModelList(String symbol, String interval, String target, ChampionInfo champion, List<VersionInfo> versions,
        List<UnreadableVersion> unreadable) {

    public record ChampionInfo(int version, int revision, String promotedAt, String reason, List<Integer> previous) {
    }

    /**
     * @param mase MASE per evaluated horizon (below 1 beats the naive forecast)
     */
    public record VersionInfo(int version, String createdAt, String trainedUntil, String testFrom, String testTo,
            double promotionScore, Map<String, Double> mase) {
    }

    public record UnreadableVersion(int version, String problem) {
    }
}
