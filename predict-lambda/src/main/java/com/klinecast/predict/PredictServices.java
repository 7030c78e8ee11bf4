package com.klinecast.predict;

import com.klinecast.core.ledger.LiveSkill;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.LedgerTable;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.predict.api.Router;
import com.klinecast.predict.cache.CachedCandleHistory;
import com.klinecast.predict.forecast.CandleHistory;
import com.klinecast.predict.forecast.ForecastService;
import com.klinecast.predict.listing.ModelListing;
import com.klinecast.predict.model.ModelCache;
import com.klinecast.predict.served.ServedSeries;
import com.klinecast.predict.volatility.VolatilityModels;
import com.klinecast.predict.volatility.VolatilityService;
import java.time.Clock;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the API over the two stores; the handler, the local server and the tests all build it here. */
public final class PredictServices {

    private PredictServices() {
    }

    /** As Lambda runs it: the series served are the catalog's. */
    public static Router router(PredictConfig config, DynamoDbClient ddb, S3Client s3, Clock clock,
            Consumer<String> log) {
        return router(config, new ServedSeries(new SeriesCatalogTable(ddb, config.table()), clock), ddb, s3, clock,
                log);
    }

    public static Router router(PredictConfig config, ServedSeries served, DynamoDbClient ddb, S3Client s3,
            Clock clock, Consumer<String> log) {
        S3ModelRegistry registry = new S3ModelRegistry(s3, config.bucket());
        FeatureTable table = new FeatureTable(ddb, config.table(), BatchWriter.withDefaults(ddb));
        ModelCache models = new ModelCache(registry, clock, config.championRecheck(), log);
        // One read of a series' latest candles per close, shared by the close and volatility forecasts.
        CandleHistory candles = new CachedCandleHistory(table::latest, clock);
        VolatilityService volatility = new VolatilityService(new VolatilityModels(registry, clock,
                config.championRecheck()), candles, clock);
        return new Router(new ForecastService(models, candles, clock, volatility), volatility,
                new ModelListing(registry, clock, config.championRecheck()),
                new LiveSkill(new LedgerTable(ddb, config.table())), served, log);
    }
}
