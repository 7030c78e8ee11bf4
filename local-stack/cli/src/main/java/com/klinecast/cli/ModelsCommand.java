package com.klinecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.bands.BandJson;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.CorruptModelException;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelNotFoundException;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.RegistryException;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The registry's versions of a series with their quality beside naive, and its champion. Every version is
 * verified as the predict function would load it, so a corrupt one is marked as such and the others still listed.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List model versions (family, band, MASE vs naive with the DM p-value) and the champion; a "
                + "version that fails its checksums is marked CORRUPT.",
        subcommands = {ModelsPromoteCommand.class, ModelsRollbackCommand.class})
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    ModelOptions options;

    @Option(names = "--json", description = "Print the versions and the champion as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Series series = options.series();
        try (LocalStack stack = LocalStack.start(root)) {
            ModelRegistry registry = options.registry(stack);
            Optional<Champion> champion = champion(registry, series);
            List<Map<String, Object>> rows = new ArrayList<>();
            // A volatility version is judged by QLIKE and MSE against naive volatility, not by MAE and MASE.
            boolean volatility = options.target() == Target.VOLATILITY;
            String[] fields = volatility ? new String[] {"qlikeRatio", "dmPValue", "qlikeRatio", "mseRatio"}
                    : new String[] {"mase", "dmPValue", "mase", "coverage80"};
            if (!json) {
                System.out.printf("%-8s %-6s %-19s %-20s %-22s %10s %7s %7s %7s %8s%n", "VERSION", "FAMILY", "BAND",
                        "CREATED", "TEST WINDOW", volatility ? "QLIKE h1" : "MAE h1", volatility ? "QLr h1"
                        : "MASE h1", "DM p h1", volatility ? "QLr h7" : "MASE h7", volatility ? "MSEr h1"
                        : "cov80 h1");
            }
            boolean championCorrupt = false;
            for (int version : registry.list(series)) {
                boolean isChampion = champion.map(c -> c.version() == version).orElse(false);
                String mark = isChampion ? "  <- champion" : "";
                try {
                    ModelManifest manifest = registry.load(series, version).manifest();
                    if (json) {
                        rows.add(row(manifest, isChampion));
                    } else {
                        print(manifest, fields, mark);
                    }
                } catch (CorruptModelException e) {
                    if (json) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("version", version);
                        row.put("corrupt", e.getMessage());
                        row.put("champion", isChampion);
                        rows.add(row);
                    } else {
                        System.out.printf("%-8s CORRUPT: %s%s%n", "v" + version, e.getMessage(), mark);
                    }
                    championCorrupt |= isChampion;
                } catch (ModelNotFoundException e) {
                    // Deleted between the listing and the read: nothing to show.
                }
            }
            if (championCorrupt) {
                System.err.println("WARNING: the champion v" + champion.get().version() + " is corrupt; forecasts "
                        + "come from an earlier champion if one loads: ./klinecast models rollback restores the "
                        + "previous one, ./klinecast train publishes a new one");
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("series", series.toString());
                out.put("target", options.targetCode());
                out.put("champion", champion.map(c -> Map.of("version", c.version(), "reason", c.reason()))
                        .orElse(null));
                out.put("versions", rows);
                System.out.println(Reports.toJson(out));
                return 0;
            }
            champion.ifPresent(c -> System.out.println("champion v" + c.version() + ": " + c.reason()));
            if (champion.isEmpty()) {
                System.out.println("no champion yet: ./klinecast train --symbol " + series.symbol()
                        + " --interval " + series.interval().code() + " --target " + options.targetCode());
            }
            return 0;
        }
    }

    /** The champion, or empty with a warning when its record cannot be read: the versions are listed anyway. */
    private static Optional<Champion> champion(ModelRegistry registry, Series series) {
        try {
            return registry.champion(series);
        } catch (RegistryException e) {
            System.err.println("WARNING: the champion of " + series + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void print(ModelManifest m, String[] fields, String mark) {
        System.out.printf("%-8s %-6s %-19s %-20s %-22s %10.2f %7.3f %7.3f %7.3f %8.3f%s%n", "v" + m.version(),
                family(m), Objects.requireNonNullElse(BandJson.method(m.metrics().path("band")), "-"),
                m.createdAt().truncatedTo(ChronoUnit.SECONDS), m.testWindow().from().toString().substring(0, 10)
                        + ".." + m.testWindow().to().toString().substring(0, 10),
                m.promotionScore(), field(m, 1, fields[0]), field(m, 1, fields[1]), field(m, 7, fields[2]),
                field(m, 1, fields[3]), mark);
    }

    private static Map<String, Object> row(ModelManifest m, boolean champion) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version", m.version());
        row.put("family", family(m));
        row.put("band", BandJson.method(m.metrics().path("band")));
        row.put("createdAt", m.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        row.put("testFrom", m.testWindow().from().toString());
        row.put("testTo", m.testWindow().to().toString());
        row.put("promotionScore", m.promotionScore());
        row.put("horizons", m.metrics().path("test").path("horizons"));
        row.put("champion", champion);
        return row;
    }

    private static String family(ModelManifest m) {
        return m.config().path("model").asText("lstm");
    }

    private static double field(ModelManifest manifest, int horizon, String field) {
        for (JsonNode h : manifest.metrics().path("test").path("horizons")) {
            if (h.path("horizon").asInt() == horizon) {
                return h.path(field).asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }
}
