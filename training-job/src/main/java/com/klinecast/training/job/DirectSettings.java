package com.klinecast.training.job;

import com.klinecast.training.config.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manifest sections a version without DL4J weights shares (a baseline, a volatility model): its config's
 * direct forecast and splits, and its provenance.
 */
public final class DirectSettings {

    private DirectSettings() {
    }

    /**
     * {@code config.model}, {@code config.target}, then {@code extra} (in order), then the direct forecast's
     * horizons and the splits it was judged on.
     */
    public static Map<String, Object> config(String model, String target, Map<String, Object> extra,
            TrainingConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", model);
        settings.put("target", target);
        settings.putAll(extra);
        settings.put("forecast", "direct");
        settings.put("horizons", config.horizons());
        settings.put("promotionHorizons", config.promotionHorizons());
        settings.put("validationFraction", config.validationFraction());
        settings.put("testFraction", config.testFraction());
        return settings;
    }

    /** The commit the job was built from, {@code unknown} outside a release build. */
    public static String gitCommit() {
        return System.getenv().getOrDefault("GIT_COMMIT", "unknown");
    }
}
