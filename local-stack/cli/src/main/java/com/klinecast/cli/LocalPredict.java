package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.core.store.IngestStateTable;
import com.klinecast.predict.PredictConfig;
import com.klinecast.predict.PredictHandler;
import com.klinecast.predict.PredictServices;
import com.klinecast.predict.served.ServedSeries;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The predict function's handler wired to the local stack, as template.yaml wires it to the real one. */
public final class LocalPredict {

    /** Locally a new champion (from `klinecast train` in another shell) shows up within seconds. */
    private static final Duration CHAMPION_RECHECK = Duration.ofSeconds(5);

    private LocalPredict() {
    }

    public static PredictHandler handler(LocalStack stack, Klinecast root, List<Series> served) {
        return handler(stack, root, served, line -> System.err.println(line));
    }

    /** @param log where the function's log lines go (CloudWatch, deployed) */
    public static PredictHandler handler(LocalStack stack, Klinecast root, List<Series> served, Consumer<String> log) {
        Clock clock = root.now == null ? Clock.systemUTC() : Clock.fixed(root.now(), ZoneOffset.UTC);
        return new PredictHandler(PredictServices.router(new PredictConfig(LocalStack.TABLE, LocalStack.BUCKET,
                CHAMPION_RECHECK), ServedSeries.fixed(served), stack.dynamoDb(), stack.s3(), clock, log));
    }

    /**
     * The series to serve: those named on the command line, else every series the feature table's catalog
     * lists, else BTCUSDT 1d.
     */
    static List<Series> served(LocalStack stack, List<String> symbols, List<String> intervals) {
        if (symbols != null || intervals != null) {
            List<Series> out = new ArrayList<>();
            for (String symbol : symbols != null ? symbols : List.of("BTCUSDT")) {
                for (String interval : intervals != null ? intervals : List.of("1d")) {
                    out.add(Series.of(symbol, interval));
                }
            }
            return out;
        }
        List<Series> known = new IngestStateTable(stack.dynamoDb(), LocalStack.TABLE).knownSeries();
        return known.isEmpty() ? List.of(Series.of("BTCUSDT", "1d")) : known;
    }
}
