package com.klinecast.training.results;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.pipeline.TrainedModel;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains each candidate by the training pipeline on the configured split and keeps its test backtest. Nothing is
 * published: the table compares configurations, it does not move the registry's champion.
 */
public final class CandidateEvaluation {

    private final TrainingPipeline pipeline;
    private final Consumer<CandidateResult> onDone;

    public CandidateEvaluation(EpochListener epochs, Consumer<String> log, Consumer<CandidateResult> onDone) {
        this.pipeline = new TrainingPipeline(epochs, log);
        this.onDone = onDone;
    }

    public SeriesResults evaluate(Series series, List<Bar> bars, List<Candidate> candidates) {
        List<CandidateResult> results = new ArrayList<>();
        for (Candidate candidate : candidates) {
            TrainedModel model = pipeline.train(series, bars, candidate.config(series), -1);
            CandidateResult result = new CandidateResult(candidate, model.test(), model.training().epochsRun(),
                    model.training().bestEpoch(), model.seconds());
            results.add(result);
            onDone.accept(result);
        }
        return new SeriesResults(series, results);
    }
}
