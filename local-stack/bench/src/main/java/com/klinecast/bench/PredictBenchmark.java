package com.klinecast.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.klinecast.bench.probe.PredictColdStart;
import com.klinecast.bench.probe.SdkFloor;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.standins.apigateway.HttpApiEvents;
import com.klinecast.standins.apigateway.HttpApiServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The predict function's speed: warm latency through the local HTTP API and directly on the handler, the forward
 * pass alone, sequential requests/s, and the cold start of a fresh JVM on the Lambda's own jar beside a floor
 * (the same JVM and jar building only the two SDK clients and making one call each).
 */
public final class PredictBenchmark {

    /** Latency percentiles in milliseconds. */
    public record Latency(double p50, double p99, double max, double mean, int samples) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(ms(sorted[(int) Math.floor(0.5 * (sorted.length - 1))]),
                    ms(sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]), ms(sorted[sorted.length - 1]),
                    ms((long) Arrays.stream(sorted).average().orElse(0)), sorted.length);
        }
    }

    /** Median, min and max of repeated cold starts: wall ms and peak RSS MB. */
    public record Cold(IngestBenchmark.Stats wallMs, IngestBenchmark.Stats rssMb) {
    }

    /** Where the child JVMs find the stores the parent runs. */
    public record Stores(URI dynamoEndpoint, URI s3Endpoint, String table, String bucket) {
    }

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final int requests;

    public PredictBenchmark(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, int requests) {
        this.handler = handler;
        this.requests = requests;
    }

    /** Sequential GETs of {@code /forecast?days=N} through the local HTTP API, after a warm-up. */
    public Latency throughApi(int days) {
        try (HttpApiServer api = HttpApiServer.start(0, 1, "PredictFunction", handler)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(api.baseUrl().resolve(query(days))).build();
            return Latency.of(time(() -> {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                require(response.statusCode(), response.body());
            }));
        }
    }

    /** The same requests as events straight to the handler: the API stand-in's share is the difference. */
    public Latency onHandler(int days) {
        return Latency.of(time(() -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(HttpApiEvents.get("/" + query(days)), null);
            require(response.getStatusCode(), response.getBody());
        }));
    }

    /** The forecaster alone (scaling, {@code days} recursive forward passes), on bars already in memory. */
    public Latency forwardPass(Forecaster forecaster, List<Bar> bars, int days) {
        double[] sink = new double[1];
        Latency latency = Latency.of(time(() -> sink[0] += forecaster.forecast(bars, days)[days - 1]));
        if (!Double.isFinite(sink[0])) {
            throw new IllegalStateException("non-finite forecast");
        }
        return latency;
    }

    /**
     * Alternates {@code runs} cold starts of the predictor and of the floor, each a fresh JVM on the Lambda's
     * jar, with Lambda's default JIT setting for Java (C1 only).
     *
     * @return the predictor's figures, then the floor's
     */
    public static List<Cold> coldStarts(Path lambdaJar, Stores stores, int runs) {
        Path probes = Probes.directory();
        List<Double> wall = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> floorWall = new ArrayList<>();
        List<Double> floorRss = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] cold = child(lambdaJar, probes, PredictColdStart.class.getName(), stores);
            wall.add(cold[0]);
            rss.add(cold[1]);
            double[] floor = child(lambdaJar, probes, SdkFloor.class.getName(), stores);
            floorWall.add(floor[0]);
            floorRss.add(floor[1]);
        }
        return List.of(new Cold(IngestBenchmark.Stats.of(wall), IngestBenchmark.Stats.of(rss)),
                new Cold(IngestBenchmark.Stats.of(floorWall), IngestBenchmark.Stats.of(floorRss)));
    }

    private static double[] child(Path jar, Path probes, String mainClass, Stores stores) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                jar + File.pathSeparator + probes, mainClass).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", stores.dynamoEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", stores.s3Endpoint().toString());
        env.put("FEATURE_TABLE", stores.table());
        env.put("MODEL_BUCKET", stores.bucket());
        env.remove("JAVA_TOOL_OPTIONS");
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            double wallMs = (System.nanoTime() - started) / 1e6;
            String last = out.lines().filter(l -> l.startsWith("status ")).reduce((a, b) -> b).orElse("");
            if (exit != 0 || !last.startsWith("status 200")) {
                throw new IllegalStateException(mainClass + " failed (exit " + exit + "):\n" + out);
            }
            return new double[] {wallMs, Long.parseLong(last.replaceAll(".*rssKb ", "").trim()) / 1024.0};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private long[] time(Call call) {
        try {
            for (int i = 0; i < Math.max(200, requests / 4); i++) {
                call.run();
            }
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                call.run();
                nanos[i] = System.nanoTime() - t0;
            }
            return nanos;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark request failed: " + e.getMessage(), e);
        }
    }

    private static String query(int days) {
        return "forecast?symbol=BTCUSDT&interval=1d&days=" + days;
    }

    private static void require(int status, String body) {
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
