package com.klinecast.training.job;

import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.observability.PowertoolsMetricsSink;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import com.klinecast.training.volatility.VolatilityJob;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The container's entry point (ECS Fargate): trains every configured series once and exits. Settings come from
 * the environment: {@code FEATURE_TABLE}, {@code MODEL_BUCKET}, {@code SYMBOLS} (BTCUSDT), {@code INTERVALS} (1d),
 * optional {@code TRAINING_CONFIG} (a JSON file) and {@code TRAIN_UNTIL} (a date). Run with
 * {@code OMP_NUM_THREADS=1} and a capped heap (the Dockerfile sets both).
 */
public final class TrainingJobMain {

    private static final MetricsSink METRICS = new PowertoolsMetricsSink();

    private TrainingJobMain() {
    }

    public static void main(String[] args) {
        Env env = Env.system();
        String table = env.required("FEATURE_TABLE", "the DynamoDB feature table's name");
        String bucket = env.required("MODEL_BUCKET", "the S3 model registry bucket's name");
        String configFile = env.text("TRAINING_CONFIG", null);
        Path configPath = configFile == null ? null : Path.of(configFile);
        Instant trainUntil = env.text("TRAIN_UNTIL", null) == null ? null : env.instant("TRAIN_UNTIL", null);
        Instant trainFrom = env.text("TRAIN_FROM", null) == null ? null : env.instant("TRAIN_FROM", null);
        try (DynamoDbClient ddb = AwsClients.dynamoDb(); S3Client s3 = AwsClients.s3()) {
            FeatureTable features = new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb));
            S3ModelRegistry registry = new S3ModelRegistry(s3, bucket);
            TrainingJob job = new TrainingJob(features, registry,
                    (epoch, loss, validationLoss, seconds) -> System.out.printf(
                            "{\"epoch\":%d,\"loss\":%.6f,\"validationLoss\":%.6f,\"seconds\":%.1f}%n",
                            epoch, loss, validationLoss, seconds),
                    System.out::println);
            VolatilityJob volatility = new VolatilityJob(features, registry, System.out::println);
            for (String symbol : env.list("SYMBOLS", "BTCUSDT")) {
                for (String interval : env.list("INTERVALS", "1d")) {
                    Series series = Series.of(symbol, interval);
                    TrainingConfig config = TrainingConfigs.forSeries(series, configPath, Map.of());
                    if (config.target() == Target.VOLATILITY) {
                        volatility.run(series, config, trainUntil);
                        continue;
                    }
                    TrainingOutcome outcome = job.run(series, config, trainFrom, trainUntil);
                    // The task's log group receives stdout: an EMF document there becomes CloudWatch metrics.
                    METRICS.emit(TrainingMetrics.of(outcome));
                }
            }
        }
    }
}
