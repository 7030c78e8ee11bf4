package com.klinecast.predict;

import com.klinecast.core.config.Env;
import java.time.Duration;

/**
 * The predict function's environment: the feature table, the model bucket and how often the champion alias is
 * re-read. The series it serves are the feature table's series catalog, not a variable.
 */
public record PredictConfig(String table, String bucket, Duration championRecheck) {

    public static PredictConfig fromEnv(Env env) {
        return new PredictConfig(env.required("FEATURE_TABLE", "the DynamoDB feature table's name"),
                env.required("MODEL_BUCKET", "the S3 model registry bucket's name"),
                env.seconds("CHAMPION_RECHECK_SECONDS", 300));
    }
}
