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
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

    public String newTable() {
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

    public ScheduledIngest scheduled(IngestConfig config) {
        return new ScheduledIngest(config, service(config), Clock.systemUTC());
    }

    public List<FeatureRow> rows(String table, Series series) {
        return new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb)).rows(series, 0, Long.MAX_VALUE);
    }

    @Override
    public void close() {
        replay.close();
    }
}
