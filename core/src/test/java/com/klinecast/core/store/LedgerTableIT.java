package com.klinecast.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.ledger.LedgerEntry;
import com.klinecast.core.ledger.Score;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.volatility.VarianceMeasure;
import com.klinecast.core.volatility.VarianceProxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ledger's DynamoDB adapter against dynalite: conditional writes, exact round trip, its own partitions. */
class LedgerTableIT {

    private static final Series BTC = Series.of("BTCUSDT", "1d");
    private static final long ORIGIN = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

    private final DynamoDbClient ddb = LocalDynamo.client();
    private final String table = LocalDynamo.newTable(ddb);
    private final LedgerTable ledger = new LedgerTable(ddb, table);

    private static LedgerEntry entry(long origin, double[][] quantiles) {
        return new LedgerEntry(BTC, Target.CLOSE, origin, 3, "mlp", quantiles == null ? null : "ewma",
                94_000.12, new double[] {94_100.1 / 3, 94_200.5}, quantiles, Instant.parse("2025-01-02T00:05:00Z"),
                Map.of());
    }

    @Test
    void recordsOnceAndReadsBackBitIdentical() {
        double[][] q = {{1.0 / 3, 2, 3, 4, 5, 6, 7}, {1, 2, 3, 4, 5, 6, 7.000000000000001}};
        assertTrue(ledger.record(entry(ORIGIN, q)));
        assertFalse(ledger.record(entry(ORIGIN, null)), "a rerun of the day writes nothing");

        List<LedgerEntry> read = ledger.entries(BTC, Target.CLOSE, 0, Long.MAX_VALUE);
        assertEquals(1, read.size());
        LedgerEntry e = read.get(0);
        assertArrayEquals(new double[] {94_100.1 / 3, 94_200.5}, e.points());
        assertArrayEquals(q[0], e.quantiles()[0]);
        assertArrayEquals(q[1], e.quantiles()[1]);
        assertEquals("ewma", e.band());
        assertEquals(3, e.version());
        assertTrue(e.scores().isEmpty());
        assertTrue(ledger.entries(BTC, Target.VOLUME, 0, Long.MAX_VALUE).isEmpty(), "targets kept apart");
    }

    @Test
    void scoresEachHorizonOnce() {
        ledger.record(entry(ORIGIN, null));
        Score first = new Score(1, ORIGIN + 86_400_000L, 95_000, 900.5, 1000, null, null, null, null);
        assertTrue(ledger.score(BTC, Target.CLOSE, ORIGIN, first));
        assertFalse(ledger.score(BTC, Target.CLOSE, ORIGIN,
                new Score(1, ORIGIN + 86_400_000L, 1, 1, 1, true, true, true, 0.5)), "never scored twice");
        assertFalse(ledger.score(BTC, Target.CLOSE, ORIGIN + 1, first), "no entry, no score");

        LedgerEntry e = ledger.entries(BTC, Target.CLOSE, ORIGIN, ORIGIN).get(0);
        assertEquals(first, e.scores().get(1));
        assertNull(e.scores().get(2));
        assertEquals(1, ledger.entries(BTC, Target.CLOSE, 0, Long.MAX_VALUE).size(), "no item for a missing origin");
    }

    @Test
    void keepsAVolatilityEntrysMeasureAndQlikeScores() {
        LedgerEntry vol = new LedgerEntry(BTC, Target.VOLATILITY, ORIGIN, 5, "har", null, 4.1e-4,
                new double[] {5.2e-4 / 3, 5.3e-4}, null, Instant.parse("2025-01-02T00:05:00Z"), Map.of(),
                new VarianceMeasure(VarianceProxy.GARMAN_KLASS, true));
        assertTrue(ledger.record(vol));
        assertFalse(ledger.record(vol));
        Score score = Score.ofVariance(vol, 1, ORIGIN + 86_400_000L, 6.1e-4 / 7);
        assertTrue(ledger.score(BTC, Target.VOLATILITY, ORIGIN, score));
        assertFalse(ledger.score(BTC, Target.VOLATILITY, ORIGIN, score), "never scored twice");

        LedgerEntry e = ledger.entries(BTC, Target.VOLATILITY, 0, Long.MAX_VALUE).get(0);
        assertEquals(new VarianceMeasure(VarianceProxy.GARMAN_KLASS, true), e.variance());
        assertEquals("garman_klass+1h", e.variance().toString());
        assertArrayEquals(vol.points(), e.points());
        assertEquals(score, e.scores().get(1));
        assertNull(ledger.entries(BTC, Target.CLOSE, 0, Long.MAX_VALUE).stream().findFirst().orElse(null));
        ledger.record(entry(ORIGIN, null));
        assertNull(ledger.entries(BTC, Target.CLOSE, 0, Long.MAX_VALUE).get(0).variance());
    }

    @Test
    void neverMeetsTheSeriesRows() {
        ledger.record(entry(ORIGIN, null));
        FeatureTable features = new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb));
        assertTrue(features.latest(BTC, 10).isEmpty());
    }
}
