package com.klinecast.predict.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /models}: a series' versions of one target (close, volume or volatility) with their skill beside
 * naive, and that target's champion. A version whose manifest cannot be read is listed under {@code unreadable}
 * with the reason, so it neither hides the others nor passes for a usable version.
 */
public record ModelList(String symbol, String interval, String target, ChampionInfo champion, List<VersionInfo> versions,
        List<UnreadableVersion> unreadable) {

    public record ChampionInfo(int version, int revision, String promotedAt, String reason, List<Integer> previous) {
    }

    /**
     * @param family naive, drift, seasonal_naive, mean7, lstm or mlp; for volatility naive, mean30 or har
     * @param band the band method (null for versions from before bands, and for volume and volatility)
     * @param mase MASE per evaluated horizon (below 1 beats the naive forecast); absent for volatility
     * @param qlikeRatio for volatility, QLIKE over naive volatility's per evaluated horizon; absent otherwise
     * @param dmPValue per evaluated horizon, the one-sided HLN-DM p-value of beating naive (absent before it was
     *     recorded; on QLIKE for volatility)
     * @param bandFolds how many rolling-origin folds before the test split chose the band (absent without one)
     * @param bandCoverage80 per horizon, the share of targets the band's 80% band held over those folds
     */
    public record VersionInfo(int version, String family, String band, String createdAt, String trainedUntil,
            String testFrom, String testTo, double promotionScore,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> mase,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> qlikeRatio,
            Map<String, Double> dmPValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer bandFolds,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> bandCoverage80) {
    }

    public record UnreadableVersion(int version, String problem) {
    }
}
