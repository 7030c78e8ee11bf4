package com.klinecast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.klinecast.core.binance.ExchangeInfo;
import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The series catalog: which series the planner fans out to the workers and the scheduled functions run. Editing
 * it needs no redeploy; removing a series stops its ingest and keeps its candles.
 */
@Command(name = "series", mixinStandardHelpOptions = true,
        description = "The series catalog: the series the pipeline ingests (add, remove, list).",
        subcommands = {SeriesCommand.Add.class, SeriesCommand.Remove.class, SeriesCommand.ListSeries.class,
            SeriesCommand.Sync.class})
final class SeriesCommand {

    @ParentCommand
    Klinecast root;

    /** Every symbol at every interval, validated before the catalog is touched. */
    static final class Choice {
        @Option(names = "--symbols", split = ",", required = true, paramLabel = "SYMBOL",
                description = "Binance symbols, comma-separated (BTCUSDT,ETHUSDT).")
        List<String> symbols;

        @Option(names = "--intervals", split = ",", defaultValue = "1d", paramLabel = "INTERVAL",
                description = "Binance intervals, comma-separated (1d,1h,1m); default ${DEFAULT-VALUE}.")
        List<String> intervals;

        List<Series> series() {
            List<Series> out = new ArrayList<>();
            for (String symbol : symbols) {
                for (String interval : intervals) {
                    out.add(Series.of(symbol.trim(), interval.trim()));
                }
            }
            return out;
        }
    }

    /** Add or remove: the same choice of series, one catalog change, the catalog's size after it. */
    abstract static class Change implements Callable<Integer> {
        @ParentCommand
        SeriesCommand parent;

        @picocli.CommandLine.Mixin
        Choice choice;

        abstract String apply(SeriesCatalog catalog, List<Series> series);

        @Override
        public Integer call() {
            List<Series> series = choice.series();
            try (LocalStack stack = LocalStack.start(parent.root)) {
                String done = apply(stack.catalog(), series);
                System.out.println(done + " " + ids(series) + "; the catalog holds " + stack.catalog().list().size()
                        + " series");
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add series to the catalog; the next planner run queues them.")
    static final class Add extends Change {
        @Override
        String apply(SeriesCatalog catalog, List<Series> series) {
            catalog.add(series);
            return "added";
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove series from the catalog: their ingest stops, their stored candles stay.")
    static final class Remove extends Change {
        @Override
        String apply(SeriesCatalog catalog, List<Series> series) {
            catalog.remove(series);
            return "removed";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalog's series.")
    static final class ListSeries implements Callable<Integer> {
        @ParentCommand
        SeriesCommand parent;

        @Option(names = "--json", description = "Print the series ids as a JSON array.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (LocalStack stack = LocalStack.start(parent.root)) {
                List<Series> series = stack.catalog().list();
                if (json) {
                    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(series.stream().map(Series::id).toList()));
                } else if (series.isEmpty()) {
                    System.out.println("the catalog is empty: no series is ingested, trained or served "
                            + "(./klinecast series add --symbols BTCUSDT --intervals 1d,1h adds series)");
                } else {
                    series.forEach(s -> System.out.println(s.id()));
                }
            }
            return 0;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true, description = "Add every symbol the exchange trades "
            + "(exchangeInfo: status TRADING) in a quote asset, at the given intervals.")
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        SeriesCommand parent;

        @Option(names = "--quote", defaultValue = "USDT", description = "Quote asset; default ${DEFAULT-VALUE}.")
        String quote;

        @Option(names = "--intervals", split = ",", defaultValue = "1d", paramLabel = "INTERVAL",
                description = "Binance intervals, comma-separated; default ${DEFAULT-VALUE}.")
        List<String> intervals;

        @Option(names = "--dry-run", description = "Print what would be added; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            intervals.forEach(i -> com.klinecast.core.series.Interval.parse(i.trim()));
            try (LocalStack stack = LocalStack.start(parent.root)) {
                List<String> symbols = new ExchangeInfo(stack.binanceUrl(), java.net.http.HttpClient.newHttpClient())
                        .trading(quote);
                Choice choice = new Choice();
                choice.symbols = symbols;
                choice.intervals = intervals;
                List<Series> series = symbols.isEmpty() ? List.of() : choice.series();
                if (!dryRun) {
                    stack.catalog().add(series);
                }
                System.out.println((dryRun ? "would add " : "added ") + series.size() + " series (" + symbols.size()
                        + " " + quote + " symbols trading x " + intervals.size() + " intervals)"
                        + (dryRun ? "" : "; the catalog holds " + stack.catalog().list().size() + " series"));
            }
            return 0;
        }
    }

    private static String ids(List<Series> series) {
        return String.join(", ", series.stream().map(Series::id).toList());
    }
}
