package com.klinecast.predict.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.evaluation.ResidualIntervals;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.published.PublishedModel;
import com.klinecast.core.registry.LoadedModel;
import com.klinecast.core.registry.ModelManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a verified registry version into a {@link ServedModel}. Window, scaler, columns, intervals and skill all
 * come from the manifest; nothing is re-fitted on the data the request reads.
 */
final class ModelReader {

    /** Horizons served when a manifest records neither intervals nor horizons (older versions). */
    private static final int DEFAULT_MAX_DAYS = 30;

    private ModelReader() {
    }

    static ServedModel read(LoadedModel loaded) {
        ModelManifest manifest = loaded.manifest();
        int featureSet = manifest.features().path("featureSetVersion").asInt(FeatureSet.VERSION);
        if (featureSet > FeatureSet.VERSION) {
            throw new UnusableModelException("version " + manifest.version() + " was trained on feature set v"
                    + featureSet + "; this predictor knows v" + FeatureSet.VERSION + ": deploy a newer predictor",
                    null);
        }
        PublishedModel published;
        try {
            published = PublishedModel.of(loaded);
        } catch (RuntimeException e) {
            throw new UnusableModelException("version " + manifest.version() + " cannot be run by this predictor: "
                    + e.getMessage(), e);
        }
        ResidualIntervals intervals = published.band() != null ? null
                : intervals(manifest.metrics().path("intervals80"));
        int maxSteps = intervals != null ? intervals.low().length : maxHorizon(manifest.config().path("horizons"));
        return new ServedModel(published, intervals, skill(manifest.metrics().path("test").path("horizons")),
                maxSteps, ServedModel.Source.PINNED, null, "version " + manifest.version() + " was asked for");
    }

    private static ResidualIntervals intervals(JsonNode node) {
        JsonNode low = node.path("low");
        JsonNode high = node.path("high");
        if (!low.isArray() || low.isEmpty() || low.size() != high.size()) {
            return null;
        }
        double[] lo = new double[low.size()];
        double[] hi = new double[high.size()];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = low.get(i).asDouble();
            hi[i] = high.get(i).asDouble();
        }
        return new ResidualIntervals(lo, hi);
    }

    private static Double number(JsonNode m, String field) {
        return m.path(field).isNumber() ? m.path(field).asDouble() : null;
    }

    private static int maxHorizon(JsonNode horizons) {
        int max = 0;
        for (JsonNode h : horizons) {
            max = Math.max(max, h.asInt());
        }
        return max > 0 ? max : DEFAULT_MAX_DAYS;
    }

    private static List<HorizonSkill> skill(JsonNode horizons) {
        List<HorizonSkill> out = new ArrayList<>();
        for (JsonNode m : horizons) {
            double up = m.path("upShare").asDouble();
            JsonNode coverage = m.path("coverage80");
            out.add(new HorizonSkill(m.path("horizon").asInt(), m.path("mase").asDouble(), m.path("mae").asDouble(),
                    m.path("naiveMae").asDouble(), coverage.isNumber() ? coverage.asDouble() : null,
                    m.path("directionAccuracy").asDouble(), Math.max(up, 1 - up), number(m, "maseLow"),
                    number(m, "maseHigh"), number(m, "dmPValue"), number(m, "coverage50"), number(m, "coverage90"),
                    number(m, "pinballSkill"), number(m, "coverage80Low"), number(m, "coverage80High")));
        }
        return out;
    }
}
