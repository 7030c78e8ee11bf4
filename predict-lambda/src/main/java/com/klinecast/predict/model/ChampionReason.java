package com.klinecast.predict.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the champion serves, in words a reader can check. For naive that is the evidence of the newest challenger
 * judged against it (e.g. "no trained model beat naive: v3 (mlp) p = 0.41 at 1 day"), since the champion record
 * only says naive came first; for any other champion, the reason stored when it was promoted.
 */
final class ChampionReason {

    private ChampionReason() {
    }

    static String of(ModelRegistry registry, Series series, Champion champion, ServedModel served) {
        if (served.published().family() != ModelFamily.NAIVE) {
            return champion.reason();
        }
        List<Integer> versions = registry.list(series);
        for (int i = versions.size() - 1; i >= 0 && versions.get(i) > champion.version(); i--) {
            Optional<ModelManifest> manifest = registry.manifest(series, versions.get(i));
            JsonNode evidence = manifest.map(m -> m.metrics().path("promotion")).orElse(null);
            if (evidence != null && evidence.path("horizons").isArray() && !evidence.path("horizons").isEmpty()) {
                return "naive (the last close repeated) serves: no trained model beat it by the rule; the newest, v"
                        + versions.get(i) + " (" + manifest.get().config().path("model").asText("lstm") + "), "
                        + best(evidence.path("horizons"));
            }
        }
        return "naive (the last close repeated) serves: no model has beaten it by the rule yet";
    }

    /** Its smallest Holm-corrected p-value of beating naive, and where. */
    private static String best(JsonNode horizons) {
        JsonNode best = horizons.get(0);
        for (JsonNode h : horizons) {
            if (h.path("pBetter").asDouble(1) < best.path("pBetter").asDouble(1)) {
                best = h;
            }
        }
        return String.format(Locale.ROOT, "p = %.2f at %d step%s (MAE ratio %.3f)", best.path("pBetter").asDouble(),
                best.path("horizon").asInt(), best.path("horizon").asInt() == 1 ? "" : "s",
                best.path("relativeMae").asDouble());
    }
}
