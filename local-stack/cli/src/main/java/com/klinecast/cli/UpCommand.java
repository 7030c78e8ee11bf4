package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.daily.DailyHandler;
import com.klinecast.core.registry.Champion;
import com.klinecast.standins.apigateway.HttpApiServer;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.job.EachSeries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The whole pipeline on one machine: backfill, daily catch-up, train if no model serves yet, then serve the API
 * and page. Everything lands in the data dir, so a second run skips straight to serving.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Run the pipeline end to end on the local "
        + "stack: backfill, daily catch-up, train a model if none exists, serve the API and page until Ctrl+C.")
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--symbols", split = ",", defaultValue = "BTCUSDT", description = "Default ${DEFAULT-VALUE}.")
    List<String> symbols;

    @Option(names = "--intervals", split = ",", defaultValue = "1d", description = "Default ${DEFAULT-VALUE}.")
    List<String> intervals;

    @Option(names = "--port", defaultValue = "3000", description = "Default ${DEFAULT-VALUE}; 0 picks a free port.")
    int port;

    @Option(names = "--epochs", description = "Override the training config's epochs (a quicker first model).")
    Integer epochs;

    @Option(names = "--workers", defaultValue = "4", description = "Ingest workers polling the queue at once (the "
            + "event source's maximum concurrency); default ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--smoke", description = "Once serving, request the page and a forecast over HTTP, print them "
            + "and exit (for CI and a quick check) instead of serving until Ctrl+C.")
    boolean smoke;

    @Override
    public Integer call() throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Series> requested = LocalPredict.served(null, symbols, intervals);
        PortCheck.requireFree(port);
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        UntilStopped stopped = smoke ? null : new UntilStopped();
        try (LocalStack stack = LocalStack.start(root)) {
            stage(1, "backfill " + requested + " from " + (root.source == Klinecast.Source.replay
                    ? "the bundled klines (Binance replay)" : root.binanceUrl)
                    + " through the planner, the ingest queue and its workers", started);
            FanOutRun.Result ingested = FanOutRun.run(stack, root.now(), requested, workers, System.out);
            List<Series> series = ingested.completed();
            if (series.isEmpty()) {
                return 1;
            }
            stage(2, "daily catch-up of closed candles", started);
            for (Map<String, Object> detail : detailsOf(series)) {
                if (ScheduledRun.invoke(stack, root.now(), "daily", detail, null, false, DailyHandler::new) != 0) {
                    return 1;
                }
            }
            stage(3, "model", started);
            // One series that cannot be trained does not keep the others from a model (nor the API from serving).
            EachSeries.Outcome trained = EachSeries.run(series, s -> {
                Optional<Champion> champion = stack.registry().champion(s);
                if (champion.isPresent()) {
                    System.out.println(s + ": champion v" + champion.get().version() + " serves; nothing to train");
                } else {
                    System.out.println(s + ": no model yet; training one (./klinecast train retrains later)");
                    TrainingRun.run(stack, s, TrainingConfigs.forSeries(s, null, epochs == null ? Map.of()
                            : Map.of("epochs", epochs)), null);
                }
            }, System.out::println);
            stage(4, "serve", started);
            if (!trained.allDone()) {
                System.out.println("no model, their forecasts answer 503: " + trained.failureLine());
            }
            if (!ingested.deadLettered().isEmpty()) {
                System.out.println("not served, their tasks are in the dead-letter queue: " + String.join(", ",
                        ingested.deadLettered().keySet().stream().map(Series::id).toList()));
            }
            if (smoke) {
                int served = smokeTest(stack, series);
                return served != 0 || ingested.deadLettered().isEmpty() && trained.allDone() ? served : 1;
            }
            ServeCommand.serve(stack, root, series, port, stopped);
            return 0;
        } finally {
            if (stopped != null) {
                stopped.closed();
            }
        }
    }

    private int smokeTest(LocalStack stack, List<Series> series) throws IOException, InterruptedException {
        try (HttpApiServer api = HttpApiServer.start(port, ServeCommand.THREADS, "PredictFunction",
                LocalPredict.handler(stack, root, series))) {
            String base = api.baseUrl().toString();
            System.out.println("serving on " + base.replaceAll("/$", "") + " (smoke test: one page, one forecast, then "
                    + "exit)");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Series first = series.get(0);
            HttpResponse<String> forecast = http.send(HttpRequest.newBuilder(URI.create(base + "forecast?symbol="
                    + first.symbol() + "&interval=" + first.interval().code() + "&days=7")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("GET / -> " + page.statusCode() + " (" + page.body().length() + " bytes of page)");
            String body = forecast.body();
            System.out.println("GET /forecast -> " + forecast.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
            return page.statusCode() == 200 && forecast.statusCode() == 200 ? 0 : 1;
        }
    }

    /** One event detail per interval, naming exactly the given series (a detail names a cross product). */
    private static List<Map<String, Object>> detailsOf(List<Series> series) {
        Map<String, List<String>> byInterval = new LinkedHashMap<>();
        series.forEach(s -> byInterval.computeIfAbsent(s.interval().code(), k -> new ArrayList<>()).add(s.symbol()));
        List<Map<String, Object>> details = new ArrayList<>();
        byInterval.forEach((interval, symbols) -> details.add(new HashMap<>(Map.of("symbols", symbols,
                "intervals", List.of(interval)))));
        return details;
    }

    private static void stage(int n, String what, long started) {
        System.out.printf("%n[%d/4] %s  (%.1f s)%n", n, what, (System.nanoTime() - started) / 1e9);
    }
}
