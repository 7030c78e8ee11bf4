package com.klinecast.core.scheduled;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.IngestReport;
import com.klinecast.core.ingest.SeriesReport;
import com.klinecast.core.ledger.DailyLedger;
import com.klinecast.core.ledger.LedgerCandles;
import com.klinecast.core.ledger.LedgerException;
import com.klinecast.core.ledger.LedgerRun;
import com.klinecast.core.ledger.RegistryChampions;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.LedgerTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The daily run's ledger step ({@link DailyLedger}) over the feature table and the model registry, for the series
 * the catch-up brought to the present (a series left behind has no newest candle to forecast from). A failing
 * series fails the invocation after the others ran, so the function's error alarm sees it.
 */
public final class LedgerFollowUp implements ScheduledIngest.FollowUp {

    private final DailyLedger ledger;
    private final List<LedgerRun> runs = new ArrayList<>();

    public LedgerFollowUp(DailyLedger ledger) {
        this.ledger = ledger;
    }

    public static LedgerFollowUp create(DynamoDbClient ddb, String table, ModelRegistry registry,
            MetricsSink metrics) {
        FeatureTable features = new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb));
        LedgerCandles candles = new LedgerCandles() {
            @Override
            public List<Candle> before(Series series, long openTime, int n) {
                return features.history(series, openTime, n);
            }

            @Override
            public List<Candle> range(Series series, long from, long to) {
                return features.range(series, from, to);
            }
        };
        return new LedgerFollowUp(new DailyLedger(new LedgerTable(ddb, table), new RegistryChampions(registry),
                candles, metrics));
    }

    @Override
    public void run(IngestReport report, Instant now, Consumer<String> log, String requestId) {
        List<String> failed = new ArrayList<>();
        RuntimeException first = null;
        for (SeriesReport s : report.series()) {
            if (s.status() != SeriesReport.Status.COMPLETE && s.status() != SeriesReport.Status.ALREADY_COMPLETE) {
                continue;
            }
            try {
                for (LedgerRun run : ledger.run(List.of(Series.parseId(s.series())), now, requestId)) {
                    runs.add(run);
                    log.accept(run.toString());
                }
            } catch (RuntimeException e) {
                failed.add(s.series() + ": " + e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new LedgerException("the ledger step failed for " + String.join("; ", failed), first);
        }
    }

    /** Every run so far (the CLI's replay counts them). */
    public List<LedgerRun> runs() {
        return List.copyOf(runs);
    }
}
