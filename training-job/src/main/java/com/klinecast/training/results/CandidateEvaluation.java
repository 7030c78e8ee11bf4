package com.klinecast.training.results;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.bands.BandSelection;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.pipeline.BaselineModel;
import com.klinecast.training.pipeline.TrainedModel;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains each candidate on a series with the training pipeline (the split, scaling and test backtest of a real
 * run) and publishes nothing; naive and drift are evaluated beside them on the same split, and the champion rule
 * says which would serve: naive, unless drift and then the series' default beat the champion of the moment, as
 * {@code train} would decide.
 */
public final class CandidateEvaluation {

    /** The candidate {@code train} uses for a series; judged against the baselines for the champion row. */
    public static final String DEFAULT = "default";

    private final TrainingPipeline pipeline;
    private final Consumer<CandidateResult> onDone;

    public CandidateEvaluation(EpochListener epochs, Consumer<String> log, Consumer<CandidateResult> onDone) {
        this.pipeline = new TrainingPipeline(epochs, log);
        this.onDone = onDone;
    }

    public SeriesResults evaluate(Series series, List<Bar> bars, List<Candidate> candidates) {
        TrainingConfig base = candidates.stream().filter(c -> DEFAULT.equals(c.name())).findFirst()
                .map(c -> c.config(series)).orElse(candidates.get(0).config(series));
        Split split = TrainingPipeline.split(bars, base, -1);
        List<CandidateResult> results = new ArrayList<>();
        for (ModelFamily family : List.of(ModelFamily.NAIVE, ModelFamily.DRIFT)) {
            BaselineModel baseline = BaselineModel.evaluate(family, series, bars, split, base);
            CandidateResult result = new CandidateResult(baselineCandidate(family), baseline.evaluation().test(), 0,
                    0, 0, baseline.evaluation().onTest(), band(baseline.evaluation()));
            results.add(result);
            onDone.accept(result);
        }
        for (Candidate candidate : candidates) {
            TrainedModel model = pipeline.train(series, bars, candidate.config(series), -1);
            CandidateResult result = new CandidateResult(candidate, model.test(), model.training().epochsRun(),
                    model.training().bestEpoch(), model.seconds(), model.evaluation().onTest(),
                    band(model.evaluation()));
            results.add(result);
            onDone.accept(result);
        }
        return new SeriesResults(series, results, champion(bars, results, base));
    }

    /** Naive first; drift, then the default candidate, each replacing the champion only by the rule. */
    private static String champion(List<Bar> bars, List<CandidateResult> results, TrainingConfig base) {
        PromotionRule rule = new PromotionRule(base.promotionHorizonsWithin(), PromotionRule.DEFAULT_ALPHA);
        CandidateResult champion = results.get(0);
        for (CandidateResult challenger : results.subList(1, results.size())) {
            String name = challenger.candidate().name();
            if ((name.equals(ModelFamily.DRIFT.code()) || name.equals(DEFAULT))
                    && rule.judge(bars, challenger.onTest(), champion.onTest()).promote()) {
                champion = challenger;
            }
        }
        return champion.candidate().name();
    }

    private static Candidate baselineCandidate(ModelFamily family) {
        String about = family == ModelFamily.NAIVE ? "the last close repeated (the first champion)"
                : "the last close × exp(h × the training mean log return)";
        return new Candidate(family.code(), about, JsonNodeFactory.instance.objectNode());
    }

    private static String band(com.klinecast.training.pipeline.Evaluation evaluation) {
        return evaluation.bands() == null ? null : BandSelection.label(evaluation.bands().band());
    }
}
