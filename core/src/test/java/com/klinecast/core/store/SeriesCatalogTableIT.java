package com.klinecast.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.series.Series;
import com.klinecast.core.testing.LocalDynamo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The series catalog against dynalite. */
class SeriesCatalogTableIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    private static final Series ETH_1D = Series.of("ETHUSDT", "1d");

    private final DynamoDbClient ddb = LocalDynamo.client();
    private final String table = LocalDynamo.newTable(ddb);
    private final SeriesCatalogTable catalog = new SeriesCatalogTable(ddb, table);

    @Test
    void addsListsSortedAndRemoves() {
        assertEquals(List.of(), catalog.list());

        catalog.add(List.of(ETH_1D, BTC_1H, BTC_1D));
        catalog.add(List.of(BTC_1D));

        assertEquals(List.of(BTC_1D, BTC_1H, ETH_1D), catalog.list());

        catalog.remove(List.of(BTC_1H, Series.of("XRPUSDT", "1d")));
        assertEquals(List.of(BTC_1D, ETH_1D), catalog.list());

        catalog.remove(List.of(BTC_1D, ETH_1D));
        assertEquals(List.of(), catalog.list());
    }

    @Test
    void concurrentAddsLoseNoSeries() {
        List<Series> many = IntStream.range(0, 40).mapToObj(i -> Series.of("PAIR" + i + "USDT", "1h")).toList();

        CompletableFuture.allOf(many.stream()
                .map(s -> CompletableFuture.runAsync(() -> catalog.add(List.of(s))))
                .toArray(CompletableFuture[]::new)).join();

        assertEquals(40, catalog.list().size());
    }

    @Test
    void isNotTheListOfSeriesEverWritten() {
        new IngestStateTable(ddb, table).save(new com.klinecast.core.ingest.IngestState(BTC_1D, 0, 0, false,
                java.time.Instant.EPOCH));

        assertEquals(List.of(), catalog.list(), "written series are not ingested unless catalogued");
        catalog.add(List.of(ETH_1D));
        assertEquals(List.of(BTC_1D), new IngestStateTable(ddb, table).knownSeries());
    }
}
