package com.klinecast.predict;

import com.klinecast.core.config.ConfigException;
import com.klinecast.core.config.Env;
import com.klinecast.core.series.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The predict function's environment: the feature table, the model bucket, the series it serves (the same
 * SYMBOLS and INTERVALS the ingest uses) and how often the champion alias is re-read.
 */
public record PredictConfig(String table, String bucket, List<Series> served, Duration championRecheck) {

    public PredictConfig {
        served = List.copyOf(served);
        if (served.isEmpty()) {
            throw new ConfigException("SYMBOLS/INTERVALS name no series");
        }
    }

    public static PredictConfig fromEnv(Env env) {
        List<Series> served = new ArrayList<>();
        try {
            for (String symbol : env.list("SYMBOLS", "BTCUSDT")) {
                for (String interval : env.list("INTERVALS", "1d")) {
                    served.add(Series.of(symbol, interval));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SYMBOLS/INTERVALS: " + e.getMessage());
        }
        return new PredictConfig(env.required("FEATURE_TABLE", "the DynamoDB feature table's name"),
                env.required("MODEL_BUCKET", "the S3 model registry bucket's name"), served,
                env.seconds("CHAMPION_RECHECK_SECONDS", 300));
    }
}
