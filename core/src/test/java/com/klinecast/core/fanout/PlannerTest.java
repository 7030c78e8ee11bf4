package com.klinecast.core.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.config.ConfigException;
import com.klinecast.core.config.Env;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlannerTest {

    /** A catalog in memory: the DynamoDB one has its own test against dynalite. */
    static final class ListCatalog implements SeriesCatalog {
        final TreeSet<String> ids = new TreeSet<>();

        @Override
        public List<Series> list() {
            return ids.stream().map(Series::parseId).toList();
        }

        @Override
        public void add(Collection<Series> series) {
            series.forEach(s -> ids.add(s.id()));
        }

        @Override
        public void remove(Collection<Series> series) {
            series.forEach(s -> ids.remove(s.id()));
        }
    }

    private final IngestConfig config = IngestConfig.fromEnv(new Env(Map.of("FEATURE_TABLE", "t")));
    private final ListCatalog catalog = new ListCatalog();
    private final List<SeriesTask> sent = new ArrayList<>();
    private final Planner planner = new Planner(config, catalog, sent::add);

    @Test
    void onlyTheScheduleIntervalsSeriesAreQueuedOncePerSeries() {
        catalog.add(List.of(Series.of("BTCUSDT", "1d"), Series.of("BTCUSDT", "1h"), Series.of("ETHUSDT", "1h"),
                Series.of("ETHUSDT", "1m")));

        List<SeriesTask> hourly = planner.plan(Map.of("intervals", List.of("1h")));

        assertEquals(List.of("BTCUSDT#1h", "ETHUSDT#1h"), hourly.stream().map(t -> t.series().id()).toList());
        assertEquals(hourly, sent);
        assertEquals(Instant.parse("2017-01-01T00:00:00Z"), hourly.get(0).from());
        assertEquals(0, hourly.get(0).continuation());
    }

    @Test
    void theMinuteScheduleQueuesNothingWithoutMinuteSeries() {
        catalog.add(List.of(Series.of("BTCUSDT", "1d")));

        assertEquals(List.of(), planner.plan(Map.of("intervals", "1m")));
        assertEquals(List.of(), sent);
    }

    @Test
    void anEmptyCatalogPlansNothing() {
        assertEquals(List.of(), planner.plan(Map.of()));
        assertEquals(List.of(), sent, "no series list in the environment to fall back on");
    }

    @Test
    void symbolsAndFromNarrowAndStart() {
        catalog.add(List.of(Series.of("BTCUSDT", "1d"), Series.of("ETHUSDT", "1d")));

        List<SeriesTask> tasks = planner.plan(Map.of("symbols", "ETHUSDT", "from", "2020-01-01"));

        assertEquals(List.of("ETHUSDT#1d"), tasks.stream().map(t -> t.series().id()).toList());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), tasks.get(0).from());
    }

    @Test
    void anUnknownIntervalIsRefusedBeforeAnythingIsSent() {
        catalog.add(List.of(Series.of("BTCUSDT", "1d")));

        assertThrows(ConfigException.class, () -> planner.plan(Map.of("intervals", List.of("1d", "7x"))));
        assertEquals(List.of(), sent);
    }
}
