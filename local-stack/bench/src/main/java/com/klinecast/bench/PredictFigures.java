package com.klinecast.bench;

import com.klinecast.cli.Klinecast;
import com.klinecast.cli.LocalPredict;
import com.klinecast.cli.LocalStack;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.published.PublishedModel;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.series.Series;
import com.klinecast.predict.PredictHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@code bench predict} measures on a local stack holding a champion for BTCUSDT 1d: warm latency
 * through the local API and on the handler per {@link #DAYS}, the forward pass, cold starts beside their floor,
 * and the functions' jar sizes.
 */
public record PredictFigures(int championVersion, int requests, Map<Integer, PredictBenchmark.Latency> api,
        Map<Integer, PredictBenchmark.Latency> handler, PredictBenchmark.Latency forwardPass,
        double requestsPerSecond, int coldRuns, PredictBenchmark.Cold cold, PredictBenchmark.Cold coldFloor,
        Map<String, Long> jarBytes) {

    public static final Series SERIES = Series.of("BTCUSDT", "1d");
    public static final int[] DAYS = {1, 7, 30};

    public boolean warmMet() {
        return api.get(30).p50() <= 10 && api.get(30).p99() <= 30;
    }

    public boolean coldMet() {
        return cold.wallMs().median() <= 1500;
    }

    public boolean coldRssMet() {
        return cold.rssMb().median() <= 300;
    }

    public boolean jarMet() {
        Long bytes = jarBytes.get("predict-lambda");
        return bytes != null && bytes <= 20L << 20;
    }

    /** Measures on the local stack of {@code options}' data dir, which must hold a champion for BTCUSDT 1d. */
    public static PredictFigures measure(Klinecast options, Path home, int requests, int coldRuns) {
        Path predictJar = home.resolve("predict-lambda/target/predict-lambda.jar");
        if (!Files.isRegularFile(predictJar)) {
            throw new IllegalArgumentException(predictJar + " is missing: ./mvnw -q -DskipTests package -pl "
                    + "predict-lambda -am");
        }
        try (LocalStack stack = LocalStack.start(options)) {
            Champion champion = stack.registry().champion(SERIES).orElseThrow(() -> new IllegalArgumentException(
                    "no champion for " + SERIES + " in " + stack.dataDir() + ": run ./klinecast up (or train) first"));
            PredictHandler handler = LocalPredict.handler(stack, options, List.of(SERIES));
            PublishedModel model = PublishedModel.of(stack.registry().load(SERIES, champion.version()));
            List<Bar> bars = stack.featureTable().latest(SERIES, model.forecaster().barsNeeded()).stream()
                    .map(Bar::of).toList();
            PredictBenchmark run = new PredictBenchmark(handler, requests);
            Map<Integer, PredictBenchmark.Latency> api = new TreeMap<>();
            Map<Integer, PredictBenchmark.Latency> direct = new TreeMap<>();
            for (int days : DAYS) {
                api.put(days, run.throughApi(days));
                direct.put(days, run.onHandler(days));
            }
            PredictBenchmark.Latency forward = run.forwardPass(model.forecaster(), bars, 30);
            // The cold-started function serves the catalog's series, as on AWS.
            stack.catalog().add(List.of(SERIES));
            PredictBenchmark.Stores stores = new PredictBenchmark.Stores(stack.dynamoDbEndpoint(), stack.s3Endpoint(),
                    LocalStack.TABLE, LocalStack.BUCKET);
            List<PredictBenchmark.Cold> cold = PredictBenchmark.coldStarts(predictJar, stores, coldRuns);
            return new PredictFigures(champion.version(), requests, api, direct, forward, 1000 / api.get(7).mean(),
                    coldRuns, cold.get(0), cold.get(1), jarSizes(home));
        }
    }

    private static Map<String, Long> jarSizes(Path home) {
        Map<String, Long> jars = new LinkedHashMap<>();
        for (String module : new String[] {"ingest-lambda", "daily-lambda", "predict-lambda"}) {
            Path jar = home.resolve(module + "/target/" + module + ".jar");
            jars.put(module, Files.isRegularFile(jar) ? jar.toFile().length() : null);
        }
        return jars;
    }
}
