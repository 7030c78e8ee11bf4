package com.klinecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.CorruptModelException;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelNotFoundException;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.RegistryException;
import com.klinecast.core.series.Series;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    SeriesOptions options;

    @Mixin
    TargetOption target;

    @Override
    public Integer call() {
        Series series = options.series();
        try (LocalStack stack = LocalStack.start(root)) {
            ModelRegistry registry = stack.registry().forTarget(target.target());
            Optional<Champion> champion = champion(registry, series);
            System.out.printf("%-8s %-6s %-10s %-24s %-22s %10s %7s %7s %7s %7s%n", "VERSION", "FAMILY", "BAND",
                    "CREATED", "TEST WINDOW", "MAE h1", "MASE h1", "DM p h1", "MASE h7", "cov80 h1");
            boolean championCorrupt = false;
            for (int version : registry.list(series)) {
                String mark = champion.map(c -> c.version() == version ? "  <- champion" : "").orElse("");
                try {
                    print(registry.load(series, version).manifest(), mark);
                } catch (CorruptModelException e) {
                    System.out.printf("%-8s CORRUPT: %s%s%n", "v" + version, e.getMessage(), mark);
                    championCorrupt |= !mark.isEmpty();
                } catch (ModelNotFoundException e) {
                    // Deleted between the listing and the read: nothing to show.
                }
            }
            if (championCorrupt) {
                System.err.println("WARNING: the champion v" + champion.get().version() + " is corrupt; forecasts "
                        + "come from an earlier champion if one loads: ./klinecast models rollback restores the "
                        + "previous one, ./klinecast train publishes a new one");
            }
            champion.ifPresent(c -> System.out.println("champion v" + c.version() + ": " + c.reason()));
            if (champion.isEmpty()) {
                System.out.println("no champion yet: ./klinecast train --symbol " + series.symbol()
                        + " --interval " + series.interval().code() + " --target " + target.code());
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

    private static void print(ModelManifest m, String mark) {
        System.out.printf("%-8s %-6s %-10s %-24s %-22s %10.2f %7.3f %7.3f %7.3f %7.3f%s%n", "v" + m.version(),
                m.config().path("model").asText("lstm"), m.metrics().path("band").path("method").asText("-"),
                m.createdAt(), m.testWindow().from().toString().substring(0, 10) + ".."
                        + m.testWindow().to().toString().substring(0, 10),
                m.promotionScore(), field(m, 1, "mase"), field(m, 1, "dmPValue"), field(m, 7, "mase"),
                field(m, 1, "coverage80"), mark);
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
