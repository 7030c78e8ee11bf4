package com.klinecast.training.volatility;

import com.klinecast.core.champion.Verdict;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.registry.ModelDraft;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.NetworkVariance;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.core.volatility.RealizedVariance;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.job.DirectSettings;
import com.klinecast.training.job.ModelPublisher;
import com.klinecast.training.pipeline.DataRange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a volatility model as a version of the volatility target: a manifest and no artifacts. The model
 * itself (HAR's coefficients, a network's scaling, corrections and weights) is the {@code scaler} section.
 * {@code config.variance} says which range variance it forecasts, {@code config.realized} ({@code 1h}) that days
 * with all 24 hourly candles were measured from them, and {@code features.realizedDays} which days those were.
 */
final class VolatilityPublisher {

    private final ModelRegistry registry;

    VolatilityPublisher(ModelRegistry registry) {
        this.registry = registry;
    }

    ModelManifest publish(Series series, VolatilityCandidate candidate, TrainingConfig config, DataRange data,
            RealizedVariance.Days days, Verdict verdict) {
        VarianceProxy proxy = config.varianceProxy();
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("variance", proxy.code());
        if (days.realized() > 0) {
            measure.put("realized", PublishedVolatility.REALIZED_1H);
        }
        Map<String, Object> settings = DirectSettings.config(candidate.model().family(), Target.VOLATILITY.code(),
                measure, config);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("columns", proxy == VarianceProxy.PARKINSON ? List.of("high", "low")
                : List.of("open", "high", "low", "close"));
        features.put("window", candidate.model().history());
        if (days.realized() > 0) {
            features.put("realizedDays", Map.of("days", days.realized(), "estimator", "sum of the 24 hourly "
                    + proxy.code() + " variances", "first", Instant.ofEpochMilli(days.firstRealized()).toString(),
                    "last", Instant.ofEpochMilli(days.lastRealized()).toString()));
        }
        features.put("featureSetVersion", FeatureSet.VERSION);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test", candidate.test());
        if (!candidate.validation().isEmpty()) {
            metrics.put("validation", candidate.validation());
        }
        if (!candidate.training().isEmpty()) {
            metrics.put("training", candidate.training());
        }
        if (verdict != null) {
            metrics.put("promotion", verdict);
        }
        ModelDraft draft = ModelDraft.builder()
                .promotionScore(candidate.test().horizons().get(0).qlike())
                .testWindow(TestWindow.parse(data.testFrom(), data.testTo()))
                .config(settings)
                .features(features)
                .scaler(candidate.model())
                .trainingData(data)
                .metrics(metrics)
                .libraries(candidate.model() instanceof NetworkVariance
                        ? Map.of("deeplearning4j", ModelPublisher.DL4J_VERSION, "java", Runtime.version().toString())
                        : Map.of("java", Runtime.version().toString()))
                .gitCommit(DirectSettings.gitCommit())
                .build();
        return registry.publish(series, draft);
    }
}
