package com.klinecast.training.job;

import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.PromotionDecision;
import com.klinecast.training.pipeline.TrainedModel;

/** What a training run produced: the evaluated model, the version written, and whether it became champion. */
public record TrainingOutcome(TrainedModel model, ModelManifest manifest, PromotionDecision promotion) {
}
