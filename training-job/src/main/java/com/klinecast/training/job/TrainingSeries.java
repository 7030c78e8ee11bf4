package com.klinecast.training.job;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.config.ConfigException;
import com.klinecast.core.config.Env;
import com.klinecast.core.series.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Which series a training run trains: those its {@code SERIES} variable names (ids such as {@code BTCUSDT#1d},
 * comma-separated; the fan-out passes one per task as a container override), or every series of the catalog.
 * The catalog is read only when no series is named.
 */
public final class TrainingSeries {

    private TrainingSeries() {
    }

    public static List<Series> of(Env env, SeriesCatalog catalog) {
        List<String> named = env.list("SERIES", "");
        if (!named.isEmpty()) {
            List<Series> out = new ArrayList<>();
            for (String id : named) {
                try {
                    out.add(Series.parseId(id));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("SERIES: " + e.getMessage());
                }
            }
            return out.stream().distinct().toList();
        }
        List<Series> all = catalog.list();
        if (all.isEmpty()) {
            throw new ConfigException("SERIES is not set and the series catalog is empty: add series to the "
                    + "catalog (klinecast series add; on AWS the update-item in docs/operations.md)");
        }
        return all;
    }
}
