package com.klinecast.core.scheduled;

import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.config.Env;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.registry.S3ModelRegistry;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The daily function's run as Lambda builds it: the catch-up ({@link IngestConfig}'s variables) followed by the
 * ledger step over {@code MODEL_BUCKET}'s registry; without {@code MODEL_BUCKET}, the catch-up alone.
 */
public final class DailyServices {

    private DailyServices() {
    }

    public static ScheduledIngest fromEnv(Env env) {
        IngestConfig config = IngestConfig.fromEnv(env);
        DynamoDbClient ddb = AwsClients.dynamoDb();
        ScheduledIngest ingest = new ScheduledIngest(config, IngestServices.create(config, ddb), Clock.systemUTC(),
                MetricsSink.STDOUT);
        String bucket = env.text("MODEL_BUCKET", "");
        if (bucket.isBlank()) {
            return ingest;
        }
        return ingest.then(LedgerFollowUp.create(ddb, config.table(),
                new S3ModelRegistry(AwsClients.s3(), bucket), MetricsSink.STDOUT));
    }
}
