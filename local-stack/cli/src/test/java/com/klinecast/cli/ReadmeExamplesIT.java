package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.testing.BundledData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CLI example in README.md runs as shown: each {@code ./klinecast ...} command line and each row of the
 * command table ({@link ReadmeExamples}) has a run here, on one data dir in the order below, exiting as the README
 * says (0: "Exit codes: 0 success"). An example added to the README without a run here fails
 * {@link #everyExampleInTheReadmeHasARunHere}. The CLI runs in-process ({@link CliRun}) on the bundled replay;
 * what serves until Ctrl+C runs as its own process ({@link CliProcess}), port 0 in place of 3000.
 */
class ReadmeExamplesIT {

    private static final Path ROOT = BundledData.dir().toAbsolutePath().getParent().getParent();

    /**
     * The examples run other than exactly as written, each with why. Every other one is run word for word (after
     * the test's own --data-dir and --replay-dir).
     */
    private static final Map<String, String> SPECIAL = Map.of(
            "./klinecast up", "serves until Ctrl+C: run as its own process on port 0, its page and API requested "
                    + "(the README's curl examples), then stopped as Ctrl+C would",
            "./klinecast results --symbols BTCUSDT,ETHUSDT --write-readme", "writes a copy of the README, not this "
                    + "one (--readme), and evaluates a one-epoch candidate (--candidates) in place of the four "
                    + "bundled networks, which take tens of minutes to train on two symbols",
            "results", "run as the ./klinecast results example",
            "serve", "serves until Ctrl+C: run as its own process on port 0, a forecast requested, then stopped",
            "invoke", "--template names the project's template.yaml: the test runs in local-stack/cli, the README's "
                    + "commands in the project root",
            "stream", "without --replay-trades it reads Binance's live WebSocket: run on the bundled recorded day",
            "bench", "the benchmarks run from their own jar (local-stack/bench, BenchMainTest) for minutes and "
                    + "print figures, not a pass or fail; not run here");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyExampleInTheReadmeHasARunHere() throws IOException {
        ReadmeExamples readme = ReadmeExamples.of(Files.readString(ROOT.resolve("README.md")));
        Set<String> inReadme = new TreeSet<>(readme.commandLines());
        inReadme.addAll(readme.tableCommands());
        Set<String> here = new TreeSet<>(runs().keySet());
        here.addAll(SPECIAL.keySet());
        here.remove("train --target volatility"); // a second run of the train row, after models

        assertTrue(readme.commandLines().contains("./klinecast up") && readme.tableCommands().contains(
                "models promote"), "the README's examples were found: " + inReadme);
        Set<String> missing = new TreeSet<>(inReadme);
        missing.removeAll(here);
        assertTrue(missing.isEmpty(), "README examples with no run in ReadmeExamplesIT: " + missing);
        Set<String> stale = new TreeSet<>(here);
        stale.removeAll(inReadme);
        assertTrue(stale.isEmpty(), "runs in ReadmeExamplesIT for examples no longer in the README: " + stale);
        assertTrue(inReadme.containsAll(SPECIAL.keySet()), "special cases still in the README: " + SPECIAL.keySet());
    }

    @Test
    void everyExampleRunsAsShown() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Example> run : runs().entrySet()) {
            try {
                run.getValue().run();
            } catch (AssertionError | Exception e) {
                failures.add(run.getKey() + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " README examples failed:\n" + String.join("\n", failures));
    }

    /** An example's run: throws when it does not behave as the README says. */
    @FunctionalInterface
    private interface Example {
        void run() throws Exception;
    }

    /** Each example by its README form, in the order they run (later ones use what earlier ones stored). */
    private Map<String, Example> runs() {
        Path data = dataDir;
        Map<String, Example> runs = new LinkedHashMap<>();
        runs.put("./klinecast --help", () -> {
            CliRun help = ok("--help");
            for (String command : List.of("ingest", "daily", "features", "train", "tune", "results", "models",
                    "backtest", "up", "serve", "invoke", "forecast", "status", "stream", "minutes", "replay", "skill", "series")) {
                assertTrue(help.out().contains("  " + command + " "), command + " in --help: " + help.out());
            }
        });
        runs.put("./klinecast up", () -> {
            try (CliProcess up = CliProcess.serving(data, "up", "--port", "0")) {
                assertEquals(200, get(up.baseUrl(), "").statusCode(), "the page");
                ReadmeExamples readme = ReadmeExamples.of(Files.readString(ROOT.resolve("README.md")));
                // Each line of the README's transcript begins a line up printed (up to a "...", on port 3000).
                List<String> printed = up.output().lines().map(String::stripTrailing).toList();
                for (String shown : readme.transcripts().get("./klinecast up")) {
                    int cut = shown.indexOf("...");
                    String begins = (cut < 0 ? shown : shown.substring(0, cut)).stripTrailing()
                            .replace("http://127.0.0.1:3000", up.baseUrl().toString().replaceAll("/$", ""));
                    assertTrue(begins.isEmpty() || printed.stream().anyMatch(l -> l.startsWith(begins)),
                            "the README shows '" + begins + "' but up printed\n" + up.output());
                }
                Map<String, String> curls = readme.curlAnswers();
                assertTrue(curls.size() >= 2, "the README's curl examples: " + curls.keySet());
                for (Map.Entry<String, String> curl : curls.entrySet()) {
                    String answer = get(up.baseUrl(), curl.getKey().replaceFirst("^http://127\\.0\\.0\\.1:3000/", ""))
                            .body();
                    String shown = curl.getValue();
                    // Shown whole, or up to its first "...": the answer as the README prints it.
                    int cut = shown.indexOf("...");
                    assertTrue(cut < 0 ? answer.equals(shown) : answer.startsWith(shown.substring(0, cut)),
                            "curl -s '" + curl.getKey() + "' shows\n" + shown + "\nbut answers\n" + answer);
                }
                assertTrue(up.output().contains("[4/4] serve"), up.output());
            }
        });
        runs.put("ingest", () -> ok("ingest", "--symbol", "ETHUSDT", "--interval", "1d", "--now",
                "2025-06-20T00:00:00Z", "--json"));
        runs.put("daily", () -> ok("daily", "--symbol", "ETHUSDT", "--interval", "1d", "--json"));
        runs.put("up", () -> ok("up", "--symbols", "BTCUSDT,ETHUSDT", "--intervals", "1d", "--port", "0",
                "--epochs", "1", "--smoke"));
        runs.put("features", () -> {
            ok("features");
            ok("features", "--recompute", "--symbol", "ETHUSDT", "--interval", "1d");
        });
        runs.put("train", () -> ok("train", "--symbol", "BTCUSDT", "--interval", "1d", "--epochs", "1", "--model",
                "mlp", "--target", "close"));
        runs.put("tune", () -> {
            Path grid = Files.writeString(data.resolve("grid.json"), "{\"hiddenUnits\": [[4], [8]], \"epochs\": [1]}");
            ok("tune", "--symbol", "BTCUSDT", "--interval", "1d", "--grid", grid.toString(), "--seed", "7",
                    "--trials", "1", "--save-winner", data.resolve("winner.json").toString());
        });
        runs.put("./klinecast results --symbols BTCUSDT,ETHUSDT --write-readme", () -> {
            Path copy = Files.copy(ROOT.resolve("README.md"), data.resolve("README.md"));
            Path candidates = Files.writeString(data.resolve("candidates.json"), "[{\"name\": \"small\", \"about\": "
                    + "\"four units, one epoch\", \"config\": {\"epochs\": 1, \"hiddenUnits\": [4]}}]");
            ok("results", "--symbols", "BTCUSDT,ETHUSDT", "--write-readme", "--readme", copy.toString(),
                    "--candidates", candidates.toString());
            String written = Files.readString(copy);
            assertTrue(written.contains("**BTCUSDT 1d**, test origins") && written.contains("**ETHUSDT 1d**, test "
                    + "origins") && written.contains("\n| small | "), written);
        });
        runs.put("models", () -> {
            ok("models");
            ok("models", "--symbol", "BTCUSDT", "--interval", "1d", "--target", "close");
        });
        runs.put("models promote", () -> ok("models", "--symbol", "BTCUSDT", "--interval", "1d", "promote",
                "--version", "2", "--reason", "a README example"));
        runs.put("models rollback", () -> ok("models", "--symbol", "BTCUSDT", "--interval", "1d", "rollback"));
        // The prose's `train --target volatility` too; one epoch, as the train row: no later example reads the
        // networks' quality, and the default epochs were this test's longest step.
        runs.put("train --target volatility", () -> ok("train", "--target", "volatility", "--epochs", "1"));
        runs.put("backtest", () -> ok("backtest", "--version", "champion", "--from", "2025-01-01", "--to",
                "2025-03-01", "--horizons", "1,7", "--json"));
        runs.put("forecast", () -> ok("forecast", "--symbol", "BTCUSDT", "--interval", "1d", "--days", "7",
                "--json"));
        runs.put("invoke", () -> ok("invoke", "PredictFunction", "--event", ROOT.resolve("events")
                .resolve("predict-forecast.json").toString(), "--template", ROOT.resolve("template.yaml").toString()));
        runs.put("status", () -> ok("status", "--json"));
        runs.put("series", () -> {
            ok("series", "add", "--symbols", "ETHUSDT", "--intervals", "1d");
            ok("series", "list");
            ok("series", "sync", "--quote", "USDT", "--intervals", "1d", "--dry-run");
            ok("series", "remove", "--symbols", "ETHUSDT", "--intervals", "1d");
        });
        // A replay needs a table with nothing after its first day: a data dir of its own.
        Path replayed = data.resolve("replayed");
        runs.put("replay", () -> ok(replayed, "replay", "--symbol", "BTCUSDT", "--from", "2025-06-01", "--to",
                "2025-06-10", "--retrain-every", "28"));
        runs.put("skill", () -> ok(replayed, "skill", "--symbol", "BTCUSDT", "--target", "close", "--json"));
        runs.put("serve", () -> {
            try (CliProcess serve = CliProcess.serving(data, "serve", "--port", "0")) {
                HttpResponse<String> forecast = get(serve.baseUrl(), "forecast?symbol=ETHUSDT&days=7");
                assertEquals(200, forecast.statusCode(), forecast.body());
            }
        });
        runs.put("stream", () -> ok("stream", "--symbol", "BTCUSDT", "--replay-trades", BundledData.dir()
                .resolve("../trades/BTCUSDT-trades-2017-08-17.csv").normalize().toString(), "--speed", "0"));
        runs.put("minutes", () -> ok("minutes", "--symbol", "BTCUSDT", "--date", "2017-08-17", "--json"));
        return runs;
    }

    private CliRun ok(String... args) {
        return ok(dataDir, args);
    }

    private CliRun ok(Path data, String... args) {
        CliRun run = CliRun.in(data.toString(), args);
        assertEquals(0, run.exitCode(), () -> "klinecast " + String.join(" ", args) + ": " + run);
        return run;
    }

    private HttpResponse<String> get(URI base, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
