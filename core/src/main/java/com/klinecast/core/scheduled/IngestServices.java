package com.klinecast.core.scheduled;

import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.ingest.KlineSource;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.IngestStateTable;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.core.observability.PowertoolsMetricsSink;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires a {@link IngestService} from its configuration and clients; shared by the Lambdas and the CLI. */
public final class IngestServices {

    private IngestServices() {
    }

    public static IngestService create(IngestConfig config, DynamoDbClient ddb, KlineSource source,
            IngestListener listener) {
        return new IngestService(source, new FeatureTable(ddb, config.table(), BatchWriter.withDefaults(ddb)),
                new IngestStateTable(ddb, config.table()), config.stopMargin(), listener);
    }

    public static IngestService create(IngestConfig config, DynamoDbClient ddb) {
        return create(config, ddb, BinanceKlinesClient.create(config.binance()), IngestListener.NONE);
    }

    /** A scheduled function's run as Lambda builds it: the live exchange, the catalog, metrics on standard output. */
    public static ScheduledIngest scheduled(IngestConfig config, DynamoDbClient ddb) {
        return new ScheduledIngest(config, create(config, ddb), Clock.systemUTC(), new PowertoolsMetricsSink(),
                new SeriesCatalogTable(ddb, config.table()));
    }
}
