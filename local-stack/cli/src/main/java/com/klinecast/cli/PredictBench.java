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
import java.util.List;
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

    @Override
    public Integer call() {
        Klinecast root = bench.root;
        Path home = Path.of(System.getenv().getOrDefault("KLINECAST_HOME", "."));
        Path predictJar = home.resolve("predict-lambda/target/predict-lambda.jar");
        if (!Files.isRegularFile(predictJar)) {
            throw new IllegalArgumentException(predictJar + " is missing: ./mvnw -q -DskipTests package -pl "
                    + "predict-lambda -am");
        }
        try (LocalStack stack = LocalStack.start(root)) {
            Champion champion = stack.registry().champion(BTC).orElseThrow(() -> new IllegalArgumentException(
                    "no champion for " + BTC + " in " + root.dataDir + ": run ./klinecast up (or train) first"));
            PredictHandler handler = LocalPredict.handler(stack, root, List.of(BTC));
            PublishedModel model = PublishedModel.of(stack.registry().load(BTC, champion.version()));
            List<Bar> bars = stack.featureTable().latest(BTC, model.forecaster().barsNeeded()).stream()
                    .map(Bar::of).toList();
            PredictBenchmark run = new PredictBenchmark(handler, requests);

            System.out.printf("%nPredict, champion v%d of %s; %d timed sequential requests per row; %d cores, Java %s"
                    + "%n", champion.version(), BTC, requests, Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            System.out.printf("%-34s %9s %9s %9s %12s%n", "warm latency (ms)", "p50", "p99", "max", "target");
            PredictBenchmark.Latency api30 = null;
            PredictBenchmark.Latency api7 = null;
            for (int days : new int[] {1, 7, 30}) {
                PredictBenchmark.Latency api = run.throughApi(days);
                PredictBenchmark.Latency direct = run.onHandler(days);
                if (days == 30) {
                    api30 = api;
                }
                if (days == 7) {
                    api7 = api;
                }
                row("local API, days=" + days, api, days == 30 ? (api.p50() <= 10 && api.p99() <= 30 ? "met" : "missed")
                        + " (10/30)" : "");
                row("handler only, days=" + days, direct, "");
            }
            row("forward pass only, days=30", run.forwardPass(model.forecaster(), bars, 30), "");
            System.out.printf("requests/s, one instance (sequential, days=7, local API): %.0f%n", 1000 / api7.mean());

            List<PredictBenchmark.Cold> cold = PredictBenchmark.coldStarts(predictJar, stack.stores(), coldRuns);
            PredictBenchmark.Cold predictor = cold.get(0);
            PredictBenchmark.Cold floor = cold.get(1);
            System.out.printf("%ncold start, fresh JVM on %s (-XX:TieredStopAtLevel=1, as Lambda), %d runs "
                    + "alternating, median (min-max):%n", predictJar.getFileName(), coldRuns);
            cold("handler + champion from S3 + one 30-day forecast", predictor, "");
            cold("floor: two SDK clients + one call each", floor, "");
            System.out.printf("ratio %.2f (wall);  targets: cold <= 1500 ms %s, <= 300 MB %s%n",
                    predictor.wallMs().median() / floor.wallMs().median(),
                    predictor.wallMs().median() <= 1500 ? "met" : "missed",
                    predictor.rssMb().median() <= 300 ? "met" : "missed");
            System.out.printf("%njar sizes (MB):");
            for (String module : new String[] {"ingest-lambda", "daily-lambda", "predict-lambda"}) {
                Path jar = home.resolve(module + "/target/" + module + ".jar");
                System.out.printf("  %s %s", module, Files.isRegularFile(jar) ? String.format("%.1f",
                        jar.toFile().length() / 1048576.0) : "(not built)");
            }
            System.out.printf("   target: predict <= 20 MB %s%n", predictJar.toFile().length() <= 20L << 20
                    ? "met" : "missed");
            System.out.println("peak RSS of this JVM: " + BenchCommand.Ingest.peakRssMb() + " MB (includes DynamoDB "
                    + "Local and S3Proxy)");
            return 0;
        }
    }

    private static void row(String what, PredictBenchmark.Latency l, String target) {
        System.out.printf("%-34s %9.2f %9.2f %9.2f %12s%n", what, l.p50(), l.p99(), l.max(), target);
    }

    private static void cold(String what, PredictBenchmark.Cold c, String unused) {
        IngestBenchmark.Stats w = c.wallMs();
        IngestBenchmark.Stats r = c.rssMb();
        System.out.printf("  %-50s %6.0f ms (%4.0f-%4.0f)  %5.0f MB RSS (%3.0f-%3.0f)%n", what, w.median(), w.min(),
                w.max(), r.median(), r.min(), r.max());
    }
}
