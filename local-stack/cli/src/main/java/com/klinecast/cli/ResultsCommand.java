package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.training.job.SeriesBars;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.results.BandCandidates;
import com.klinecast.training.results.Candidate;
import com.klinecast.training.results.CandidateEvaluation;
import com.klinecast.training.results.Candidates;
import com.klinecast.training.results.ResultsMarkdown;
import com.klinecast.training.results.SeriesResults;
import com.klinecast.training.volatility.VolatilityResultsMarkdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The README's results table: naive, drift and each candidate config trained and tested on each symbol, with the
 * evidence per horizon and the champion the rule would serve; with {@code --target volatility}, the volatility
 * models' table ({@link VolatilityResultsRun}).
 */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Train each candidate configuration "
        + "on each symbol (nothing is published), then print per symbol a Markdown table of the test split's "
        + "evidence by horizon beside naive and drift; --write-readme puts it between the README's results markers.")
final class ResultsCommand implements Callable<Integer> {

    @ParentCommand
    Klinecast root;

    @Option(names = "--symbols", split = ",", defaultValue = "BTCUSDT,ETHUSDT", description = "Default "
            + "${DEFAULT-VALUE}; each must be ingested.")
    List<String> symbols;

    @Option(names = "--interval", defaultValue = "1d", description = "Default ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--candidates", paramLabel = "FILE", description = "A JSON array of {name, about, config}; "
            + "default: candidates.json in training-job's resources.")
    Path candidates;

    @Option(names = "--candidate", paramLabel = "NAME=FILE", description = "A config file (e.g. from tune "
            + "--save-winner) as candidate NAME, replacing the listed one of that name; repeatable.")
    Map<String, Path> extra = Map.of();

    @Option(names = "--horizons", split = ",", defaultValue = "1,7,30", description = "Default ${DEFAULT-VALUE} "
            + "(the promotion horizons).")
    int[] horizons;

    @Option(names = "--write-readme", description = "Also replace the README's section between "
            + ResultsMarkdown.START + " and " + ResultsMarkdown.END + ".")
    boolean writeReadme;

    @Option(names = "--readme", paramLabel = "FILE", defaultValue = "${env:KLINECAST_HOME:-.}/README.md",
            description = "The README --write-readme rewrites; default ${DEFAULT-VALUE}.")
    Path readme;

    @Option(names = "--json", description = "Print the results as JSON instead of the Markdown tables.")
    boolean json;

    @Option(names = "--target", defaultValue = "close", description = "close (the candidate configs) or volatility "
            + "(naive, mean30, HAR, the LSTM and the MLP on QLIKE and MSE against naive volatility); default "
            + "${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--variance", paramLabel = "PROXY", description = "With --target volatility: parkinson or "
            + "garman_klass, the range variance the models forecast; default: the training config's (parkinson).")
    String variance;

    @Option(names = "--write-docs", description = "With --target volatility: also replace the section of --doc "
            + "between " + VolatilityResultsMarkdown.START + " and " + VolatilityResultsMarkdown.END + ".")
    boolean writeDocs;

    @Option(names = "--doc", paramLabel = "FILE", defaultValue = "${env:KLINECAST_HOME:-.}/docs/training.md",
            description = "The file --write-docs rewrites; default ${DEFAULT-VALUE}.")
    Path doc;

    @Option(names = "--bands", description = "Instead of the models: every candidate band around naive and drift, "
            + "the scores over the folds before the test split that choose one with each candidate's 80% coverage "
            + "there, and its 80% coverage and pinball at 1, 7 and 30 steps on the test split.")
    boolean bands;

    @Override
    public Integer call() {
        List<Series> series = symbols.stream().map(s -> Series.of(s, interval)).toList();
        if (bands) {
            if (writeReadme || writeDocs || json || candidates != null || !extra.isEmpty()
                    || Target.of(target) != Target.CLOSE) {
                throw new IllegalArgumentException("--bands compares the bands of the close baselines and prints "
                        + "text: it takes no --target, --candidates, --candidate, --json, --write-readme or --write-docs");
            }
            try (LocalStack stack = LocalStack.start(root)) {
                for (Series s : series) {
                    BandCandidates.report(s, SeriesBars.read(stack.featureTable(), s),
                            TrainingConfigs.forSeries(s, null, Map.of())).forEach(System.out::println);
                }
            }
            return 0;
        }
        if (Target.of(target) == Target.VOLATILITY) {
            if (writeReadme || candidates != null || !extra.isEmpty()) {
                throw new IllegalArgumentException("--target volatility takes no --candidates, --candidate or "
                        + "--write-readme: its models are fixed, and its table goes into docs (--write-docs)");
            }
            try (LocalStack stack = LocalStack.start(root)) {
                VolatilityResultsRun.run(stack, series, horizons, variance, json, writeDocs ? doc : null);
            }
            return 0;
        }
        if (Target.of(target) != Target.CLOSE || writeDocs || variance != null) {
            throw new IllegalArgumentException(writeDocs || variance != null
                    ? (writeDocs ? "--write-docs" : "--variance") + " is for --target volatility"
                    : "results compares close models (the candidate configs) or volatility models: --target close "
                    + "or volatility");
        }
        List<Candidate> list = candidates == null ? Candidates.bundled() : Candidates.read(candidates);
        for (Map.Entry<String, Path> e : extra.entrySet()) {
            list = Candidates.with(list, Candidates.fromConfigFile(e.getKey(), e.getValue()));
        }
        list.forEach(Candidate::config);
        if (writeReadme && !Files.isRegularFile(readme)) {
            throw new IllegalArgumentException("no README at " + readme + ": pass --readme");
        }
        List<SeriesResults> all = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(root)) {
            for (Series s : series) {
                CandidateEvaluation evaluation = new CandidateEvaluation(EpochListener.NONE, line -> { },
                        r -> System.err.printf("%s %s: %d epochs (best %d), %.0f s; test MASE %s%n", s,
                                r.candidate().name(), r.epochsRun(), r.bestEpoch(), r.seconds(),
                                Arrays.stream(horizons).mapToObj(h -> String.format("h%d %.3f", h,
                                        r.test().at(h).mase())).toList()));
                all.add(evaluation.evaluate(s, SeriesBars.read(stack.featureTable(), s), list));
            }
        }
        String markdown = ResultsMarkdown.render(all, horizons);
        if (json) {
            System.out.println(Reports.toJson(all.stream().map(ResultsCommand::summary).toList()));
        } else {
            System.out.println();
            System.out.print(markdown);
        }
        if (writeReadme) {
            try {
                Files.writeString(readme, ResultsMarkdown.intoReadme(Files.readString(readme), markdown));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite " + readme, e);
            }
            // Standard output holds only the JSON when asked for it.
            (json ? System.err : System.out).println("\nwritten between the results markers of " + readme);
        }
        return 0;
    }

    private static Map<String, Object> summary(SeriesResults results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", results.series().toString());
        out.put("champion", results.champion());
        out.put("candidates", results.results().stream().map(r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.candidate().name());
            c.put("about", r.candidate().about());
            c.put("epochsRun", r.epochsRun());
            c.put("bestEpoch", r.bestEpoch());
            c.put("test", r.test());
            return c;
        }).toList());
        return out;
    }
}
