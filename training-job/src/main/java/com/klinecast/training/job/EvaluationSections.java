package com.klinecast.training.job;

import com.klinecast.core.bands.BandJson;
import com.klinecast.core.champion.Verdict;
import com.klinecast.training.pipeline.Evaluation;
import java.util.LinkedHashMap;
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
            metrics.put("bandSelection", Map.of("split", "validation", "meanRelativePinball",
                    evaluation.bands().validationPinball()));
        }
        if (verdict != null) {
            metrics.put("promotion", verdict);
        }
        return metrics;
    }
}
