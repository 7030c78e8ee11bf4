package com.klinecast.cli;

import com.klinecast.cli.bench.IngestBenchmark;
import com.klinecast.cli.bench.PredictBenchmark;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.PublishedModel;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.series.Series;
import com.klinecast.predict.PredictHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code klinecast bench predict}: the predict function's warm and cold figures beside their floors. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Forecast latency (local API and "
        + "handler), forward pass, requests/s, cold start vs a bare-SDK floor, jar sizes. Needs a champion for "
        + "BTCUSDT 1d in the data dir (./klinecast up).")
final class PredictBench implements Callable<Integer> {

    private static final Series BTC = Series.of("BTCUSDT", "1d");

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--requests", defaultValue = "2000", description = "Timed requests per figure (after a "
            + "warm-up of a quarter as many, at least 200); default ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--cold-runs", defaultValue = "5", description = "Fresh JVMs per cold figure; default "
            + "${DEFAULT-VALUE}.")
    int coldRuns;

    /** Everything {@code bench predict} measures. */
    record Figures(int championVersion, int requests, Map<Integer, PredictBenchmark.Latency> api,
            Map<Integer, PredictBenchmark.Latency> handler, PredictBenchmark.Latency forwardPass,
            double requestsPerSecond, int coldRuns, PredictBenchmark.Cold cold, PredictBenchmark.Cold coldFloor,
            Map<String, Long> jarBytes) {

        static final int[] DAYS = {1, 7, 30};

        boolean warmMet() {
            return api.get(30).p50() <= 10 && api.get(30).p99() <= 30;
        }

        boolean coldMet() {
            return cold.wallMs().median() <= 1500;
        }

        boolean coldRssMet() {
            return cold.rssMb().median() <= 300;
        }

        boolean jarMet() {
            Long bytes = jarBytes.get("predict-lambda");
            return bytes != null && bytes <= 20L << 20;
        }
    }

    @Override
    public Integer call() {
        Figures f = measure(bench.root, home(), requests, coldRuns);
        System.out.printf("%nPredict, champion v%d of %s; %d timed sequential requests per row; %d cores, Java %s"
                + "%n", f.championVersion(), BTC, f.requests(), Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.printf("%-34s %9s %9s %9s %12s%n", "warm latency (ms)", "p50", "p99", "max", "target");
        for (int days : Figures.DAYS) {
            row("local API, days=" + days, f.api().get(days), days == 30 ? (f.warmMet() ? "met" : "missed")
                    + " (10/30)" : "");
            row("handler only, days=" + days, f.handler().get(days), "");
        }
        row("forward pass only, days=30", f.forwardPass(), "");
        System.out.printf("requests/s, one instance (sequential, days=7, local API): %.0f%n", f.requestsPerSecond());
        System.out.printf("%ncold start, fresh JVM on predict-lambda.jar (-XX:TieredStopAtLevel=1, as Lambda), %d runs "
                + "alternating, median (min-max):%n", f.coldRuns());
        cold("handler + champion from S3 + one 30-day forecast", f.cold());
        cold("floor: two SDK clients + one call each", f.coldFloor());
        System.out.printf("ratio %.2f (wall);  targets: cold <= 1500 ms %s, <= 300 MB %s%n",
                f.cold().wallMs().median() / f.coldFloor().wallMs().median(), f.coldMet() ? "met" : "missed",
                f.coldRssMet() ? "met" : "missed");
        System.out.printf("%njar sizes (MB):");
        f.jarBytes().forEach((module, bytes) -> System.out.printf("  %s %s", module, bytes == null ? "(not built)"
                : String.format("%.1f", bytes / 1048576.0)));
        System.out.printf("   target: predict <= 20 MB %s%n", f.jarMet() ? "met" : "missed");
        System.out.println("peak RSS of this JVM: " + BenchCommand.Ingest.peakRssMb() + " MB (includes DynamoDB "
                + "Local and S3Proxy)");
        return 0;
    }

    static Path home() {
        return Path.of(System.getenv().getOrDefault("KLINECAST_HOME", "."));
    }

    /** Measures on the local stack of {@code options}' data dir, which must hold a champion for BTCUSDT 1d. */
    static Figures measure(Klinecast options, Path home, int requests, int coldRuns) {
        Path predictJar = home.resolve("predict-lambda/target/predict-lambda.jar");
        if (!Files.isRegularFile(predictJar)) {
            throw new IllegalArgumentException(predictJar + " is missing: ./mvnw -q -DskipTests package -pl "
                    + "predict-lambda -am");
        }
        try (LocalStack stack = LocalStack.start(options)) {
            Champion champion = stack.registry().champion(BTC).orElseThrow(() -> new IllegalArgumentException(
                    "no champion for " + BTC + " in " + options.dataDir + ": run ./klinecast up (or train) first"));
            PredictHandler handler = LocalPredict.handler(stack, options, List.of(BTC));
            PublishedModel model = PublishedModel.of(stack.registry().load(BTC, champion.version()));
            List<Bar> bars = stack.featureTable().latest(BTC, model.forecaster().barsNeeded()).stream()
                    .map(Bar::of).toList();
            PredictBenchmark run = new PredictBenchmark(handler, requests);
            Map<Integer, PredictBenchmark.Latency> api = new TreeMap<>();
            Map<Integer, PredictBenchmark.Latency> direct = new TreeMap<>();
            for (int days : Figures.DAYS) {
                api.put(days, run.throughApi(days));
                direct.put(days, run.onHandler(days));
            }
            PredictBenchmark.Latency forward = run.forwardPass(model.forecaster(), bars, 30);
            List<PredictBenchmark.Cold> cold = PredictBenchmark.coldStarts(predictJar, stack.stores(), coldRuns);
            Map<String, Long> jars = new LinkedHashMap<>();
            for (String module : new String[] {"ingest-lambda", "daily-lambda", "predict-lambda"}) {
                Path jar = home.resolve(module + "/target/" + module + ".jar");
                jars.put(module, Files.isRegularFile(jar) ? jar.toFile().length() : null);
            }
            return new Figures(champion.version(), requests, api, direct, forward, 1000 / api.get(7).mean(),
                    coldRuns, cold.get(0), cold.get(1), jars);
        }
    }

    private static void row(String what, PredictBenchmark.Latency l, String target) {
        System.out.printf("%-34s %9.2f %9.2f %9.2f %12s%n", what, l.p50(), l.p99(), l.max(), target);
    }

    private static void cold(String what, PredictBenchmark.Cold c) {
        IngestBenchmark.Stats w = c.wallMs();
        IngestBenchmark.Stats r = c.rssMb();
        System.out.printf("  %-50s %6.0f ms (%4.0f-%4.0f)  %5.0f MB RSS (%3.0f-%3.0f)%n", what, w.median(), w.min(),
                w.max(), r.median(), r.min(), r.max());
    }
}
