package com.klinecast.core.recompute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.features.Features;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.SeriesStats;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.testing.LocalDynamo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Recomputing a series after a feature-set bump, against dynalite. */
class FeatureRecomputeIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");

    private final DynamoDbClient ddb = LocalDynamo.client();
    private final FeatureTable table = new FeatureTable(ddb, LocalDynamo.newTable(ddb), BatchWriter.withDefaults(ddb));

    @Test
    void rewritesEveryRowAtTheCurrentVersionWithTheCurrentDefinitions() {
        List<Candle> candles = CsvCandles.read("binance-BTCUSDT-1d.csv", 1234);
        // Rows as an older definition left them: version 0, other values.
        Features stale = new Features(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        table.write(BTC_1D, candles.stream().map(c -> new FeatureRow(c, stale, 0, Set.of())).toList());
        assertEquals(0, table.stats(BTC_1D).maxFeatureVersion());

        FeatureRecompute.Result result = new FeatureRecompute(table).recompute(BTC_1D);

        assertEquals(1234, result.rows());
        assertEquals(FeatureRows.of(BTC_1D, List.of(), candles), table.rows(BTC_1D, 0, Long.MAX_VALUE));
        SeriesStats stats = table.stats(BTC_1D);
        assertEquals(FeatureSet.VERSION, stats.minFeatureVersion());
        assertEquals(FeatureSet.VERSION, stats.maxFeatureVersion());
        assertEquals(1, stats.flagged(), "the outage-shortened 2018-02-08 candle");
    }
}
