package com.klinecast.training.job;

import com.klinecast.core.champion.Verdict;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.registry.ModelDraft;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.pipeline.TrainedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes a trained model to the registry as a new immutable version: the DL4J model (ModelSerializer zip, for
 * retraining and audits), the portable weights the predictor runs, and a manifest with everything needed to use
 * and judge it: config, features, scaler, data range, metrics beside the naive forecast, versions, commit. The
 * config names the network ({@code model}, which forward pass the predictor runs) and the {@code target}; the
 * version goes to that target's registry, so a volume model never joins the close models' versions or champion.
 */
public final class ModelPublisher {

    public static final String DL4J_VERSION = "1.0.0-M2.1";

    private final ModelRegistry registry;

    public ModelPublisher(ModelRegistry registry) {
        this.registry = registry;
    }

    public ModelManifest publish(TrainedModel model, Verdict verdict) {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("columns", model.config().columns());
        features.put("window", model.config().window());
        features.put("featureSetVersion", FeatureSet.VERSION);
        Map<String, Object> metrics = EvaluationSections.metrics(model.evaluation(), verdict);
        metrics.put("training", Map.of("bestEpoch", model.training().bestEpoch(),
                "bestValidationLoss", model.training().bestValidationLoss(),
                "epochsRun", model.training().epochsRun(), "stoppedEarly", model.training().stoppedEarly(),
                "seconds", model.seconds()));
        ModelDraft draft = ModelDraft.builder()
                .artifact("weights.json", NetworkKind.write(model.portable()))
                .artifact("model.zip", dl4jZip(model))
                .promotionScore(model.test().at(1).mae())
                .testWindow(TestWindow.parse(model.data().testFrom(), model.data().testTo()))
                .config(TrainingConfigs.toJson(model.config()))
                .features(features)
                .scaler(model.scaling())
                .trainingData(model.data())
                .metrics(metrics)
                .libraries(Map.of("deeplearning4j", DL4J_VERSION, "java", Runtime.version().toString()))
                .gitCommit(DirectSettings.gitCommit())
                .build();
        return registry.forTarget(model.config().target()).publish(model.series(), draft);
    }

    private static byte[] dl4jZip(TrainedModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(model.training().network(), out, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the DL4J model", e);
        }
        return out.toByteArray();
    }
}
