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
     * @param family naive, drift, lstm or mlp
     * @param band the band method (null for versions from before bands)
     * @param mase MASE per evaluated horizon (below 1 beats the naive forecast)
     * @param dmPValue per evaluated horizon, the one-sided HLN-DM p-value of beating naive (absent before it was
     *     recorded)
     */
    public record VersionInfo(int version, String family, String band, String createdAt, String trainedUntil,
            String testFrom, String testTo, double promotionScore, Map<String, Double> mase,
            Map<String, Double> dmPValue) {
    }

    public record UnreadableVersion(int version, String problem) {
    }
}
