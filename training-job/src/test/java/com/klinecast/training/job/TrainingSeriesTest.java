package com.klinecast.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.config.ConfigException;
import com.klinecast.core.config.Env;
import com.klinecast.core.series.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSeriesTest {

    private static final Series BTC = Series.of("BTCUSDT", "1d");
    private static final Series ETH = Series.of("ETHUSDT", "1h");

    /** A catalog that fails the test if it is read. */
    private static final SeriesCatalog UNREAD = new FixedCatalog(null);

    @Test
    void theOverrideNamesTheSeriesAndTheCatalogIsNotRead() {
        assertEquals(List.of(ETH), TrainingSeries.of(new Env(Map.of("SERIES", "ETHUSDT#1h")), UNREAD));
        assertEquals(List.of(BTC, ETH), TrainingSeries.of(new Env(Map.of("SERIES",
                "BTCUSDT#1d, ETHUSDT#1h,BTCUSDT#1d")), UNREAD));
    }

    @Test
    void withoutAnOverrideEverySeriesOfTheCatalogTrains() {
        assertEquals(List.of(BTC, ETH), TrainingSeries.of(new Env(Map.of()), new FixedCatalog(List.of(BTC, ETH))));
    }

    @Test
    void aMalformedOverrideOrAnEmptyCatalogIsAConfigurationErrorNamingTheVariable() {
        ConfigException bad = assertThrows(ConfigException.class,
                () -> TrainingSeries.of(new Env(Map.of("SERIES", "BTCUSDT/1d")), UNREAD));
        assertTrue(bad.getMessage().startsWith("SERIES: series id 'BTCUSDT/1d'"), bad.getMessage());
        ConfigException empty = assertThrows(ConfigException.class,
                () -> TrainingSeries.of(new Env(Map.of()), new FixedCatalog(List.of())));
        assertTrue(empty.getMessage().contains("catalog is empty"), empty.getMessage());
    }

    private record FixedCatalog(List<Series> series) implements SeriesCatalog {

        @Override
        public List<Series> list() {
            if (series == null) {
                throw new AssertionError("the catalog was read although SERIES names the series");
            }
            return series;
        }
    }
}
