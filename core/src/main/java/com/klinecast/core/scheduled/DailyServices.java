package com.klinecast.core.scheduled;

import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.core.observability.PowertoolsMetricsSink;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.store.SeriesCatalogTable;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The daily function's run as Lambda builds it: the catch-up of the catalog, then (with a model bucket) the ledger step. */
public final class DailyServices {

    private DailyServices() {
    }

    public static ScheduledIngest create(IngestConfig config, LedgerConfig ledger) {
        DynamoDbClient ddb = AwsClients.dynamoDb();
        MetricsSink metrics = new PowertoolsMetricsSink();
        ScheduledIngest ingest = new ScheduledIngest(config, IngestServices.create(config, ddb), Clock.systemUTC(),
                metrics, new SeriesCatalogTable(ddb, config.table()));
        if (!ledger.enabled()) {
            return ingest;
        }
        return ingest.then(LedgerFollowUp.create(ddb, config.table(),
                new S3ModelRegistry(AwsClients.s3(), ledger.modelBucket()), metrics));
    }
}
