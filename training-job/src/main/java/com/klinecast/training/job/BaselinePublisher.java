package com.klinecast.training.job;

import com.klinecast.core.champion.Verdict;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.forecast.WindowBaseline;
import com.klinecast.core.registry.ModelDraft;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.pipeline.BaselineModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a baseline (naive, drift, seasonal naive or mean7: {@link BaselineModel}) as a version like any network: a manifest and no
 * artifacts.
 */
final class BaselinePublisher {

    private final ModelRegistry registry;

    BaselinePublisher(ModelRegistry registry) {
        this.registry = registry;
    }

    ModelManifest publish(Series series, BaselineModel baseline, TrainingConfig config, Verdict verdict) {
        Map<String, Object> settings = DirectSettings.config(baseline.family().code(), config.target().code(),
                Map.of(), config);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("columns", List.of(config.target().code()));
        features.put("window", baseline.scaling() instanceof WindowBaseline w ? w.days() : 1);
        features.put("featureSetVersion", FeatureSet.VERSION);
        ModelDraft draft = ModelDraft.builder()
                .promotionScore(baseline.evaluation().test().at(1).mae())
                .testWindow(TestWindow.parse(baseline.data().testFrom(), baseline.data().testTo()))
                .config(settings)
                .features(features)
                .scaler(baseline.scaling())
                .trainingData(baseline.data())
                .metrics(EvaluationSections.metrics(baseline.evaluation(), verdict))
                .libraries(Map.of("java", Runtime.version().toString()))
                .gitCommit(DirectSettings.gitCommit())
                .build();
        return registry.publish(series, draft);
    }
}
