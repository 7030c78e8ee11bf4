package com.klinecast.cli;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.IngestStateTable;
import com.klinecast.predict.api.Router;
import com.klinecast.standins.apigateway.HttpApiEvents;
import com.klinecast.standins.lambda.LocalContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** One GET /forecast through the predict handler, printed as a table or as the API's JSON. */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Invoke the predict function once: "
        + "the forecast of a series from its champion (or a pinned version), beside the naive forecast's skill.")
final class ForecastCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--days", defaultValue = "7", description = "Intervals ahead; default ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--version", description = "A version number (default: the champion).")
    String version;

    @Option(names = "--target", defaultValue = "close", description = "close, volume or volatility: which champion forecasts; "
            + "default ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--json", description = "Print the API's JSON body.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Series series = options.series();
        // The API's own bound, refused here as bad input before the stack starts.
        if (days < 1 || days > Router.MAX_DAYS) {
            throw new IllegalArgumentException("--days " + days + " is out of range: from 1 to the served model's "
                    + "longest horizon (at most " + Router.MAX_DAYS + ")");
        }
        String query = "/forecast?symbol=" + series.symbol() + "&interval=" + series.interval().code() + "&days="
                + days + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + (version == null ? "" : "&version=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse response;
        // The function's log repeats its answers; only a 500's first line, the bug's name, is worth showing.
        List<String> log = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(root)) {
            if (!new IngestStateTable(stack.dynamoDb(), LocalStack.TABLE).knownSeries().contains(series)) {
                throw new IllegalArgumentException(series + " has no candles: it was never ingested (./klinecast "
                        + "ingest --symbol " + series.symbol() + " --interval " + series.interval().code()
                        + ", then ./klinecast train)");
            }
            response = LocalPredict.handler(stack, root, List.of(series), log::add).handleRequest(
                    HttpApiEvents.get(query), LocalContext.withRemaining("PredictFunction", () -> 30_000L,
                            LocalContext.quietLogger()));
        }
        JsonNode body = JSON.readTree(response.getBody());
        int status = response.getStatusCode();
        if (json) {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } else if (status == 200) {
            print(body);
        }
        if (status == 200) {
            return 0;
        }
        String hint = switch (body.path("error").asText()) {
            case "no model yet" -> " (./klinecast train --symbol " + series.symbol() + " --interval "
                    + series.interval().code() + " --target " + target + ")";
            case "internal error" -> log.isEmpty() ? "" : " (" + log.get(0).lines().findFirst().orElse("") + ")";
            default -> "";
        };
        System.err.println("error: " + body.path("error").asText() + ": " + body.path("detail").asText() + hint);
        // A 4xx is the request's fault: bad input, as for any other option.
        return status < 500 ? Failures.BAD_INPUT : Failures.FAILED;
    }

    private static void print(JsonNode body) {
        if ("volatility".equals(body.path("target").asText())) {
            printVolatility(body);
            return;
        }
        JsonNode model = body.path("model");
        System.out.printf("%s %s, version %d (%s), trained until %s; last closed candle %s%s%n",
                body.path("symbol").asText(), body.path("interval").asText(), model.path("version").asInt(),
                model.path("source").asText(), model.path("trainedUntil").asText(), body.path("asOf").asText(),
                body.path("stale").asBoolean() ? " (stale: " + body.path("intervalsBehind").asLong()
                        + " intervals behind)" : "");
        if (model.path("reason").isTextual()) {
            System.out.println(model.path("family").asText() + " with a " + model.path("band").asText("no")
                    + " band: " + model.path("reason").asText());
        }
        if (!body.path("fallback").isNull()) {
            System.out.println("FALLBACK: champion v" + body.path("fallback").path("skipped").asInt()
                    + " could not be served: " + body.path("fallback").path("reason").asText());
        }
        // A point carries its target's value under the target's name: close or volume.
        String value = body.path("target").asText("close");
        System.out.printf("%8s  %-20s %14s %14s %14s%n", "horizon", "candle", value, "80% low", "80% high");
        for (JsonNode p : body.path("forecast")) {
            System.out.printf("%8d  %-20s %14.2f %14.2f %14.2f%n", p.path("horizon").asInt(), p.path("time").asText(),
                    p.path(value).asDouble(), p.path("low").asDouble(Double.NaN), p.path("high").asDouble(Double.NaN));
        }
        System.out.print("backtest MASE vs naive (below 1 beats 'no change'):");
        for (JsonNode h : body.path("quality").path("horizons")) {
            System.out.printf(" h%d %.3f", h.path("horizon").asInt(), h.path("mase").asDouble());
        }
        System.out.println();
        System.out.println(body.path("disclaimer").asText());
    }

    private static void printVolatility(JsonNode body) {
        JsonNode model = body.path("model");
        System.out.printf("%s %s volatility, version %d (%s, %s, %s variance); last closed candle %s, close %.2f%n",
                body.path("symbol").asText(), body.path("interval").asText(), model.path("version").asInt(),
                model.path("source").asText(), model.path("family").asText(), model.path("variance").asText(),
                body.path("asOf").asText(), body.path("lastClose").asDouble());
        System.out.printf("%8s  %-20s %12s %10s %14s %14s%n", "horizon", "candle", "daily vol %", "range %",
                "-1 sd", "+1 sd");
        for (JsonNode p : body.path("forecast")) {
            System.out.printf("%8d  %-20s %12.2f %10.2f %14.2f %14.2f%n", p.path("horizon").asInt(),
                    p.path("time").asText(), p.path("dailyVolatilityPct").asDouble(), p.path("rangePct").asDouble(),
                    p.path("expectedRange").path("low").asDouble(), p.path("expectedRange").path("high").asDouble());
        }
        System.out.print("backtest QLIKE vs naive volatility (below 1 beats the last day's variance):");
        for (JsonNode h : body.path("quality").path("horizons")) {
            System.out.printf(" h%d %.3f", h.path("horizon").asInt(), h.path("qlikeRatio").asDouble());
        }
        System.out.println();
        System.out.println(body.path("disclaimer").asText());
    }
}
