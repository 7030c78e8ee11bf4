package com.klinecast.training.job;

import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.observability.MetricsDocument;
import com.klinecast.core.observability.MetricsDocument.Unit;
import java.util.LinkedHashMap;
import java.util.Map;

/** One metrics document per trained series: how long it took and how it compares with naive, per horizon. */
final class TrainingMetrics {

    private TrainingMetrics() {
    }

    static MetricsDocument of(TrainingOutcome outcome) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Function", "training");
        dimensions.put("Series", outcome.model().series().id());
        MetricsDocument document = MetricsDocument.withDimensions(dimensions)
                .metric("TrainingSeconds", outcome.model().seconds(), Unit.SECONDS)
                .metric("Promoted", outcome.promotion().promoted() ? 1 : 0, Unit.COUNT)
                .property("version", outcome.manifest().version())
                .property("promotion", outcome.promotion().reason());
        for (HorizonMetrics m : outcome.model().test().horizons()) {
            document.metric("MaseH" + m.horizon(), m.mase(), Unit.NONE);
        }
        return document;
    }
}
