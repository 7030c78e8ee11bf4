package com.klinecast.training.job;

import com.klinecast.core.bands.BandChoice;
import com.klinecast.core.bands.BandJson;
import com.klinecast.core.bands.CandidateScore;
import com.klinecast.core.champion.Verdict;
import com.klinecast.training.pipeline.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The manifest's {@code metrics} that every version carries, trained or baseline. */
final class EvaluationSections {

    private EvaluationSections() {
    }

    /**
     * @param verdict how the version fared against the champion it was judged against, or null when there was
     *     none to judge against
     */
    static Map<String, Object> metrics(Evaluation evaluation, Verdict verdict) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test", evaluation.test());
        if (evaluation.bands() != null) {
            metrics.put("band", BandJson.tree(evaluation.bands().band()));
            metrics.put("bandSelection", bandSelection(evaluation.bands()));
        }
        if (verdict != null) {
            metrics.put("promotion", verdict);
        }
        return metrics;
    }

    /** How the band was chosen: on how many folds before the test split, every candidate's score, and how often
     * the chosen band's 80% band held there, over all folds and on the worst and best one. */
    private static Map<String, Object> bandSelection(BandChoice choice) {
        CandidateScore chosen = choice.chosen();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("split", "rolling-origin folds before the test split");
        out.put("folds", chosen.folds());
        out.put("meanRelativePinball", choice.validationPinball());
        List<Map<String, Object>> coverage = new ArrayList<>();
        for (int j = 0; j < chosen.horizons().length; j++) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("horizon", chosen.horizons()[j]);
            h.put("coverage80", finite(chosen.coverage80()[j]));
            h.put("lowestFold", finite(chosen.lowestFold()[j]));
            h.put("highestFold", finite(chosen.highestFold()[j]));
            coverage.add(h);
        }
        out.put("coverage", coverage);
        return out;
    }

    /** JSON has no NaN: a horizon no fold could score is null. */
    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
