package com.klinecast.core.testing;

import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.config.Env;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.ingest.IngestListener;
import com.klinecast.core.ingest.IngestService;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.core.observability.MetricsSink;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the handler tests stand on: the Binance replay of the bundled klines on a settable market clock,
 * a DynamoDB stand-in (the shared in-memory dynalite unless given one), and the services wired as in the Lambdas (the klines client's waits recorded, not slept).
 */
public final class IngestFixture implements AutoCloseable {

    public final ReplayClock market;
    public final BinanceReplayServer replay;
    public final DynamoDbClient ddb;

    public IngestFixture(Instant now) {
        this(now, LocalDynamo.client());
    }

    public IngestFixture(Instant now, DynamoDbClient ddb) {
        this.ddb = ddb;
        market = ReplayClock.fixedAt(now);
        replay = BinanceReplayServer.start(BundledData.dir(), market);
    }

    /** A fresh table whose series catalog holds BTCUSDT 1d, as after a deploy's first {@code series add}. */
    public String newTable() {
        String table = newEmptyTable();
        new SeriesCatalogTable(ddb, table).add(List.of(Series.of("BTCUSDT", "1d")));
        return table;
    }

    /** The items of {@code table} outside the catalog item: what a run wrote. */
    public int itemsWritten(String table) {
        return ddb.scan(b -> b.tableName(table).filterExpression("series <> :catalog")
                .expressionAttributeValues(Map.of(":catalog", AttributeValue.fromS("#series")))).count();
    }

    /** A fresh table with an empty series catalog. */
    public String newEmptyTable() {
        return LocalDynamo.newTable(ddb);
    }

    /** The functions' configuration for {@code table}, pointed at the replay; {@code env} adds or overrides. */
    public IngestConfig config(String table, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("FEATURE_TABLE", table,
                "BINANCE_BASE_URL", replay.baseUrl().toString()));
        all.putAll(env);
        return IngestConfig.fromEnv(new Env(all));
    }

    public IngestService service(IngestConfig config) {
        BinanceKlinesClient client = new BinanceKlinesClient(config.binance(), HttpClient.newHttpClient(),
                Clock.systemUTC(), new RecordingSleeper());
        return IngestServices.create(config, ddb, client, IngestListener.NONE);
    }

    /** As the Lambda wires it: the series an event does not name come from the table's catalog. */
    public ScheduledIngest scheduled(IngestConfig config) {
        return new ScheduledIngest(config, service(config), Clock.systemUTC(), MetricsSink.NONE,
                new SeriesCatalogTable(ddb, config.table()));
    }

    public List<FeatureRow> rows(String table, Series series) {
        return new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb)).rows(series, 0, Long.MAX_VALUE);
    }

    @Override
    public void close() {
        replay.close();
    }
}
