package com.klinecast.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.ingest.IngestState;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.LocalDynamo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ingest state and the series catalog against dynalite. */
class IngestStateTableIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series ETH_1D = Series.of("ETHUSDT", "1d");
    private static final Instant AT = Instant.parse("2025-07-01T00:05:00Z");

    private final DynamoDbClient ddb = LocalDynamo.client();
    private final String table = LocalDynamo.newTable(ddb);
    private final IngestStateTable states = new IngestStateTable(ddb, table);

    @Test
    void savesAndLoadsTheWatermark() {
        assertTrue(states.load(BTC_1D).isEmpty());

        states.save(new IngestState(BTC_1D, 100, 5000, false, AT));

        assertEquals(new IngestState(BTC_1D, 100, 5000, false, AT), states.load(BTC_1D).orElseThrow());
    }

    @Test
    void theWatermarkNeverMovesBackwards() {
        states.save(new IngestState(BTC_1D, 100, 9000, true, AT));
        states.save(new IngestState(BTC_1D, 100, 5000, false, AT.plusSeconds(1)));

        IngestState state = states.load(BTC_1D).orElseThrow();
        assertEquals(9000, state.lastOpenTime());
        assertTrue(state.complete());
    }

    @Test
    void keepsTheFirstOpenTimeOfTheFirstSave() {
        states.save(new IngestState(BTC_1D, 100, 5000, false, AT));
        states.save(new IngestState(BTC_1D, 4000, 9000, false, AT));

        assertEquals(100, states.load(BTC_1D).orElseThrow().firstOpenTime());
    }

    @Test
    void listsEverySeriesWritten() {
        states.save(new IngestState(ETH_1D, 1, 2, false, AT));
        states.save(new IngestState(BTC_1D, 1, 2, false, AT));
        states.save(new IngestState(BTC_1D, 1, 3, false, AT));

        assertEquals(List.of(BTC_1D, ETH_1D), states.knownSeries());
    }
}
