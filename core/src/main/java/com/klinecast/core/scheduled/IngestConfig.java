package com.klinecast.core.scheduled;

import com.klinecast.core.binance.BinanceSettings;
import com.klinecast.core.config.ConfigException;
import com.klinecast.core.config.Env;
import com.klinecast.core.ingest.IngestRequest;
import com.klinecast.core.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ingest jobs' settings, read once per execution environment from these variables:
 * {@code FEATURE_TABLE} (required), {@code BACKFILL_START} (2017-01-01, before Binance's first candle),
 * {@code BINANCE_BASE_URL}, {@code BINANCE_WEIGHT_LIMIT} (6000) and {@code STOP_MARGIN_SECONDS} (60: time kept
 * in hand before the Lambda time-out). No series: those come from the series catalog, or an event that names them.
 */
public record IngestConfig(String table, Instant backfillStart, BinanceSettings binance, Duration stopMargin) {

    public static IngestConfig fromEnv(Env env) {
        String table = env.required("FEATURE_TABLE", "the DynamoDB feature table's name");
        BinanceSettings binance = BinanceSettings.defaults(env.url("BINANCE_BASE_URL", BinanceSettings.DEFAULT_BASE_URL))
                .withWeightLimit(env.integer("BINANCE_WEIGHT_LIMIT", 6000));
        return new IngestConfig(table, env.instant("BACKFILL_START", "2017-01-01"), binance,
                env.seconds("STOP_MARGIN_SECONDS", 60));
    }

    /**
     * The request for one scheduled event over the series catalog: its series are the run's unless the
     * {@code detail} names others, {@code {"symbols": ["ETHUSDT"], "intervals": ["1h"], "from": "2020-01-01"}}
     * (lists or comma-separated; one of the two alone is crossed with the catalog's other).
     */
    public IngestRequest request(Map<String, Object> detail, Instant now, List<Series> catalog) {
        Map<String, Object> d = detail == null ? Map.of() : detail;
        List<String> symbols = stringsOf(d.get("symbols"), "symbols");
        List<String> intervals = stringsOf(d.get("intervals"), "intervals");
        List<Series> series = catalog;
        List<Series> chosen = series;
        if (symbols != null || intervals != null) {
            chosen = seriesOf(symbols != null ? symbols : series.stream().map(Series::symbol).distinct().toList(),
                    intervals != null ? intervals
                            : series.stream().map(s -> s.interval().code()).distinct().toList(),
                    "the event's detail");
        }
        return new IngestRequest(chosen, from(d), now);
    }

    /** Where a series with no watermark starts: the detail's {@code from}, or {@code BACKFILL_START}. */
    public Instant from(Map<String, Object> detail) {
        Map<String, Object> d = detail == null ? Map.of() : detail;
        Instant from = backfillStart;
        Object fromValue = d.get("from");
        if (fromValue != null) {
            try {
                from = Env.parseInstant(fromValue.toString());
            } catch (RuntimeException e) {
                throw new ConfigException("the event's detail.from is '" + fromValue
                        + "': expected a date (2017-08-17) or an ISO-8601 instant");
            }
        }
        return from;
    }

    private static List<Series> seriesOf(List<String> symbols, List<String> intervals, String where) {
        List<Series> out = new ArrayList<>();
        try {
            for (String symbol : symbols) {
                for (String interval : intervals) {
                    out.add(Series.of(symbol, interval));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new ConfigException(where + " name no series: give at least one symbol and one interval");
        }
        return out;
    }

    /** A detail's list of strings (a list or a comma-separated string), or null when absent. */
    public static List<String> stringsOf(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return List.of(text.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof Collection<?> items && items.stream().allMatch(i -> i instanceof String)) {
            return items.stream().map(i -> ((String) i).trim()).toList();
        }
        throw new ConfigException("the event's detail." + field + " must be a list of strings or a comma-separated string");
    }
}
