package com.klinecast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The registry's versions of a series with their quality beside naive, and its champion. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = ModelsPromoteCommand.class,
        description = "List model versions (family, band, MASE vs naive with the DM p-value) and the champion.")
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--target", defaultValue = "close", description = "close or volume: the models of which "
            + "target (each has its own versions and champion); default ${DEFAULT-VALUE}.")
    String target;

    @Override
    public Integer call() {
        Series series = options.series();
        try (LocalStack stack = LocalStack.start(root)) {
            ModelRegistry registry = stack.registry().forTarget(Target.of(target));
            Optional<Champion> champion = registry.champion(series);
            System.out.printf("%-8s %-6s %-10s %-24s %-22s %10s %7s %7s %7s %7s%n", "VERSION", "FAMILY", "BAND",
                    "CREATED", "TEST WINDOW", "MAE h1", "MASE h1", "DM p h1", "MASE h7", "cov80 h1");
            for (int version : registry.list(series)) {
                ModelManifest m = registry.manifest(series, version).orElseThrow();
                System.out.printf("%-8s %-6s %-10s %-24s %-22s %10.2f %7.3f %7.3f %7.3f %7.3f%s%n", "v" + version,
                        m.config().path("model").asText("lstm"), m.metrics().path("band").path("method").asText("-"),
                        m.createdAt(), m.testWindow().from().toString().substring(0, 10) + ".."
                                + m.testWindow().to().toString().substring(0, 10),
                        m.promotionScore(), field(m, 1, "mase"), field(m, 1, "dmPValue"), field(m, 7, "mase"),
                        field(m, 1, "coverage80"),
                        champion.map(c -> c.version() == version ? "  <- champion" : "").orElse(""));
            }
            champion.ifPresent(c -> System.out.println("champion v" + c.version() + ": " + c.reason()));
            if (champion.isEmpty()) {
                System.out.println("no champion yet: ./klinecast train --symbol " + series.symbol()
                        + " --interval " + series.interval().code() + " --target " + target);
            }
            return 0;
        }
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
