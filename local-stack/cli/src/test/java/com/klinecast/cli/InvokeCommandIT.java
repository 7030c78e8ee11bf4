package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.testing.BundledData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `klinecast invoke`: template.yaml's functions run in-process on the local stack with the events/ files. */
class InvokeCommandIT {

    private static final Path ROOT = BundledData.dir().toAbsolutePath().getParent().getParent();

    @TempDir
    Path dataDir;

    private record Run(int exitCode, String out, String err) {

        JsonNode json() throws Exception {
            return Reports.JSON.readTree(out);
        }
    }

    private Run klinecast(String... args) {
        CliRun run = CliRun.in(dataDir.toString(), args);
        return new Run(run.exitCode(), run.out(), run.err());
    }

    private Run invoke(String function, String event, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "invoke";
        args[1] = function;
        args[2] = "--template";
        args[3] = ROOT.resolve("template.yaml").toString();
        args[4] = "--event=" + ROOT.resolve("events").resolve(event);
        System.arraycopy(more, 0, args, 5, more.length);
        return klinecast(args);
    }

    /** The functions serve and ingest the catalog's series, as on AWS after the deploy's first series add. */
    @BeforeEach
    void catalogHoldsBtcDaily() {
        Run added = klinecast("series", "add", "--symbols", "BTCUSDT", "--intervals", "1d");
        assertEquals(0, added.exitCode(), added.err());
    }

    @Test
    void theIngestFunctionBackfillsWithTheTemplatesEnvironmentAndTheDailyFunctionFindsNothingNew() throws Exception {
        Run ingest = invoke("IngestFunction", "ingest-scheduled.json");
        Run daily = invoke("DailyFunction", "daily-scheduled.json");

        assertEquals(0, ingest.exitCode(), ingest.err());
        JsonNode series = ingest.json().get("series").get(0);
        assertEquals("BTCUSDT#1d", series.get("series").asText());
        assertEquals("COMPLETE", series.get("status").asText());
        assertEquals(2875, series.get("candlesWritten").asInt());
        // The template's variables, resolved to the local stack (table, replay) and the parameters' defaults.
        assertTrue(ingest.err().contains("FEATURE_TABLE=klinecast-features"), ingest.err());
        assertTrue(ingest.err().contains("BACKFILL_START=2017-01-01"), ingest.err());
        assertTrue(ingest.err().contains("BINANCE_BASE_URL=http://127.0.0.1:"), ingest.err());
        assertTrue(ingest.err().contains("time-out 900 s"), ingest.err());

        assertEquals(0, daily.exitCode(), daily.err());
        assertEquals(0, daily.json().get("series").get(0).get("candlesWritten").asInt(), daily.out());
    }

    @Test
    void thePredictFunctionServesThePageAndAnswersBadRequestsAndAMissingModelWithJsonErrors() throws Exception {
        Run page = invoke("PredictFunction", "predict-page.json");
        Run badSymbol = invoke("PredictFunction", "predict-invalid-symbol.json");
        Run noModel = invoke("PredictFunction", "predict-forecast.json");

        assertEquals(0, page.exitCode(), page.err());
        assertEquals(200, page.json().get("statusCode").asInt());
        assertTrue(page.json().get("headers").get("Content-Type").asText().startsWith("text/html"));
        assertTrue(page.json().get("body").asText().startsWith("<!doctype html>"));

        assertEquals(0, badSymbol.exitCode(), "a 400 is the function's answer, not a failure");
        assertEquals(400, badSymbol.json().get("statusCode").asInt());
        assertEquals("invalid symbol", Reports.JSON.readTree(badSymbol.json().get("body").asText()).get("error")
                .asText());

        assertEquals(503, noModel.json().get("statusCode").asInt(), noModel.out());
        assertEquals("no model yet", Reports.JSON.readTree(noModel.json().get("body").asText()).get("error")
                .asText());
        assertTrue(noModel.err().contains("MODEL_BUCKET=klinecast-models"), noModel.err());
    }

    @Test
    void envVarsOverrideOnlyWhatTheTemplateDeclaresAsSamDoes() throws Exception {
        Path envVars = Files.writeString(dataDir.resolve("env.json"), """
                {"IngestFunction": {"BACKFILL_START": "2018-01-01", "SYMBOLS": "ETHUSDT"},
                 "Parameters": {"STOP_MARGIN_SECONDS": 30, "NOT_IN_THE_TEMPLATE": "x"}}""");

        Run run = invoke("IngestFunction", "ingest-scheduled.json", "--env-vars", envVars.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("2018-01-01T00:00:00Z", run.json().get("series").get(0).get("firstOpenTime").asText());
        assertTrue(run.err().contains("STOP_MARGIN_SECONDS=30"), run.err());
        assertTrue(run.err().contains("NOT_IN_THE_TEMPLATE from " + envVars + " is ignored"), run.err());
        // The series come from the catalog, not the environment: the template declares no SYMBOLS to override.
        assertEquals("BTCUSDT#1d", run.json().get("series").get(0).get("series").asText());
        assertTrue(run.err().contains("SYMBOLS from " + envVars + " is ignored"), run.err());
    }

    @Test
    void aFunctionErrorPrintsLambdasErrorJsonAndExitsOne() throws Exception {
        Run unknown = invoke("IngestFunction", "ingest-unknown-symbol.json");
        Run badParameter = invoke("IngestFunction", "ingest-scheduled.json", "--parameter-overrides",
                "BackfillStart=someday");

        assertEquals(1, unknown.exitCode());
        assertEquals("com.klinecast.core.ingest.IngestFailedException", unknown.json().get("errorType").asText());
        assertTrue(unknown.json().get("errorMessage").asText().contains("NOSUCHCOIN"), unknown.out());
        // A configuration error fails the handler's construction, as an init error would on Lambda.
        assertEquals(1, badParameter.exitCode());
        assertTrue(badParameter.json().get("errorMessage").asText().startsWith("BACKFILL_START is 'someday'"),
                badParameter.out());
    }

    /**
     * Every file in events/ through its function, in pipeline order (backfill, daily, tiny close and volume models,
     * the API):
     * scheduled events by exit code (1 is a function error), API events by status code. A new event file needs
     * its expected outcome here.
     */
    @Test
    void everyEventFileRunsThroughItsFunctionWithTheExpectedOutcome() throws Exception {
        Map<String, Integer> scheduled = new LinkedHashMap<>();
        scheduled.put("ingest-scheduled.json", 0);
        scheduled.put("ingest-override-btc-1h.json", 0);
        scheduled.put("ingest-unknown-symbol.json", 1);
        scheduled.put("ingest-bad-interval.json", 1);
        scheduled.put("daily-scheduled.json", 0);
        scheduled.put("daily-override-btc-eth.json", 1); // ETHUSDT was never backfilled
        // The fan-out: the planner queues the catalog's series of its schedule's intervals (the seed, BTCUSDT 1d,
        // while the catalog is empty) on the local ingest queue; the worker brings its message's series up to date.
        Map<String, String> fanOut = new LinkedHashMap<>();
        fanOut.put("planner-daily.json", "[\"BTCUSDT#1d\"]");
        fanOut.put("planner-hourly.json", "[]");
        fanOut.put("worker-sqs-btc-1d.json", "{\"batchItemFailures\":[]}");
        Map<String, Integer> api = new LinkedHashMap<>();
        api.put("predict-page.json", 200);
        api.put("predict-models.json", 200);
        api.put("predict-forecast.json", 200);
        api.put("predict-forecast-default-days.json", 200);
        api.put("predict-forecast-30-days.json", 200);
        api.put("predict-forecast-pinned-version.json", 200);
        api.put("predict-forecast-volume.json", 200);
        api.put("predict-bad-target.json", 400);
        api.put("predict-bad-days.json", 400);
        api.put("predict-days-out-of-range.json", 400);
        api.put("predict-invalid-symbol.json", 400);
        api.put("predict-repeated-parameter.json", 400);
        api.put("predict-unknown-symbol.json", 404);
        api.put("predict-unknown-path.json", 404);
        api.put("predict-post-forecast.json", 405);
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            Set<String> all = new TreeSet<>(scheduled.keySet());
            all.addAll(fanOut.keySet());
            all.addAll(api.keySet());
            assertEquals(files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)),
                    all);
        }

        for (Map.Entry<String, Integer> e : scheduled.entrySet()) {
            Run run = invoke(e.getKey().startsWith("daily-") ? "DailyFunction" : "IngestFunction", e.getKey());
            assertEquals(e.getValue(), run.exitCode(), e.getKey() + ": " + run.out() + run.err());
            assertTrue(run.json().has(e.getValue() == 0 ? "series" : "errorMessage"), e.getKey() + ": " + run.out());
        }
        for (Map.Entry<String, String> e : fanOut.entrySet()) {
            Run run = invoke(e.getKey().startsWith("planner-") ? "PlannerFunction" : "IngestWorkerFunction", e.getKey());
            assertEquals(0, run.exitCode(), e.getKey() + ": " + run.out() + run.err());
            assertEquals(e.getValue(), run.json().toString(), e.getKey() + ": " + run.err());
        }
        Path tiny = Files.writeString(dataDir.resolve("tiny.json"), "{\"epochs\": 1, \"hiddenUnits\": [8, 8]}");
        assertEquals(0, klinecast("train", "--config", tiny.toString()).exitCode());
        // A tiny volume model too (an MLP), for the volume forecast's event: its own champion beside the close one.
        assertEquals(0, klinecast("train", "--config", tiny.toString(), "--model", "mlp", "--target", "volume")
                .exitCode());
        for (Map.Entry<String, Integer> e : api.entrySet()) {
            Run run = invoke("PredictFunction", e.getKey());
            assertEquals(0, run.exitCode(), e.getKey() + ": " + run.err());
            assertEquals(e.getValue(), run.json().get("statusCode").asInt(), e.getKey() + ": " + run.out());
        }
    }

    @Test
    void aFunctionTheTemplateDoesNotHaveIsABadInput() {
        Run run = invoke("NoSuchFunction", "ingest-scheduled.json");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("template has no function NoSuchFunction; its functions: [IngestFunction, "
                + "DailyFunction, PlannerFunction, IngestWorkerFunction, PredictFunction]"), run.err());
    }
}
