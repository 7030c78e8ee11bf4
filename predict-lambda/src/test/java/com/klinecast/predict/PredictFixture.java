package com.klinecast.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.features.FeatureSet;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.LogReturns;
import com.klinecast.core.forecast.portable.DenseWeights;
import com.klinecast.core.forecast.portable.LstmLayerWeights;
import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableJson;
import com.klinecast.core.forecast.portable.PortableMlp;
import com.klinecast.core.registry.ModelDraft;
import com.klinecast.core.registry.ModelKeys;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.predict.served.ServedSeries;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.core.testing.LocalS3;
import com.klinecast.core.volatility.Har;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.predict.api.Router;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the predict tests stand on: a fresh feature table in dynalite holding the bundled BTCUSDT 1d
 * candles, a fresh versioned bucket in S3Proxy, and small published models. The models are real portable LSTMs
 * (and, for the volume target, MLPs) with seeded random weights and a log-return scaler fitted on real bars: the forward pass, scaler and intervals
 * are exercised exactly as for a trained model, without Deeplearning4j (which this module must not depend on).
 */
final class PredictFixture {

    static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    static final Series ETH_1D = Series.of("ETHUSDT", "1d");
    /** The day after the bundled data's last candle (2025-06-30), a few minutes after midnight. */
    static final Instant NOW = Instant.parse("2025-07-01T00:10:00Z");
    static final int MAX_DAYS = 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    final DynamoDbClient ddb = LocalDynamo.client();
    final S3Client s3 = LocalS3.client();
    /** Written once per JVM and only read: most tests need the same full series. */
    private static String fullTable;

    String table = LocalDynamo.newTable(ddb);
    final String bucket = LocalS3.newVersionedBucket(s3);
    final S3ModelRegistry registry = new S3ModelRegistry(s3, bucket);
    final List<String> logged = new ArrayList<>();

    /** Writes the first {@code limit} bundled BTCUSDT 1d candles, with their features, to this fixture's table. */
    PredictFixture withCandles(int limit) {
        write(ddb, table, limit);
        return this;
    }

    /** Serves from a table holding every bundled BTCUSDT 1d candle (2017-08-17 .. 2025-06-30). */
    PredictFixture withCandles() {
        synchronized (PredictFixture.class) {
            if (fullTable == null) {
                fullTable = LocalDynamo.newTable(ddb);
                write(ddb, fullTable, Integer.MAX_VALUE);
                catalog(ddb, fullTable);
            }
            table = fullTable;
        }
        return this;
    }

    private static void write(DynamoDbClient ddb, String table, int limit) {
        List<Candle> candles = CsvCandles.read("binance-BTCUSDT-1d.csv", limit);
        new FeatureTable(ddb, table, BatchWriter.withDefaults(ddb)).write(BTC_1D,
                FeatureRows.of(BTC_1D, List.of(), candles));
    }

    /** The series the fixture's catalog holds, which the function serves as it does on AWS. */
    static final List<Series> CATALOG = List.of(BTC_1D, ETH_1D);

    PredictFixture() {
        catalog(ddb, table);
    }

    private static void catalog(DynamoDbClient ddb, String table) {
        new SeriesCatalogTable(ddb, table).add(CATALOG);
    }

    PredictConfig config() {
        return new PredictConfig(table, bucket, java.time.Duration.ofMinutes(5));
    }

    Router router(Clock clock) {
        return PredictServices.router(config(), ddb, s3, clock, logged::add);
    }

    PredictHandler handler() {
        return new PredictHandler(router(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** A handler serving only {@code served}, whatever the catalog holds. */
    PredictHandler handlerServing(Series... served) {
        return new PredictHandler(PredictServices.router(config(), ServedSeries.fixed(List.of(served)), ddb, s3,
                Clock.fixed(NOW, ZoneOffset.UTC), logged::add));
    }

    /** Publishes a model whose weights come from {@code seed}, and makes it champion by the registry's rule. */
    ModelManifest publishChampion(long seed) {
        ModelManifest manifest = publish(seed);
        registry.promoteIfBetter(BTC_1D, manifest.version());
        return manifest;
    }

    ModelManifest publish(long seed) {
        return publish(seed, FeatureSet.VERSION);
    }

    /**
     * Publishes a volume model (an MLP over the flattened window, log-change scaler of the volume) to the volume
     * registry and makes it that target's champion, as the training job does with {@code target: volume}.
     */
    ModelManifest publishVolumeChampion(long seed) {
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", 2000).stream().map(Bar::of).toList();
        List<Bar.Column> columns = List.of(Bar.Column.values());
        LogReturns scaler = LogReturns.fit(columns, bars, Target.VOLUME);
        ModelDraft draft = draft(PortableJson.toBytes(mlp(seed, columns.size())),
                Map.of("model", "mlp", "target", "volume", "scaling", "log_return", "forecast", "recursive",
                        "horizons", List.of(1, 3, 7, 14, 30), "window", 30),
                columns, FeatureSet.VERSION, scaler);
        S3ModelRegistry volumes = registry.forTarget(Target.VOLUME);
        ModelManifest manifest = volumes.publish(BTC_1D, draft);
        volumes.promoteIfBetter(BTC_1D, manifest.version());
        return manifest;
    }

    /**
     * Publishes HAR on the log scale, fitted on the first 2,000 Parkinson variances, to the volatility registry
     * and makes it that target's champion, as {@code train --target volatility} does.
     */
    ModelManifest publishVolatilityChampion() {
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", 2000).stream().map(Bar::of).toList();
        Har har = Har.fit(VarianceProxy.PARKINSON.of(bars), 0, bars.size(), true);
        ModelDraft draft = ModelDraft.builder()
                .promotionScore(0.3)
                .testWindow(TestWindow.parse("2024-01-01T00:00:00Z", "2025-06-30T00:00:00Z"))
                .config(Map.of("model", "har", "target", "volatility", "variance", "parkinson", "horizons",
                        List.of(1, 3, 7, 14, 30)))
                .features(Map.of("columns", List.of("high", "low"), "window", 30, "featureSetVersion",
                        FeatureSet.VERSION))
                .scaler(JSON.valueToTree(har))
                .trainingData(Map.of("trainFrom", "2017-08-17T00:00:00Z", "trainTo", "2022-12-31T00:00:00Z",
                        "validationTo", "2023-12-31T00:00:00Z"))
                .metrics(Map.of("test", Map.of("horizons", List.of(Map.of("horizon", 1, "qlikeRatio", 0.5)))))
                .build();
        S3ModelRegistry volatility = registry.forTarget(Target.VOLATILITY);
        ModelManifest manifest = volatility.publish(BTC_1D, draft);
        volatility.promoteIfBetter(BTC_1D, manifest.version());
        return manifest;
    }

    /** A model trained on feature set {@code featureSet}: a newer one than this predictor knows cannot be run. */
    ModelManifest publish(long seed, int featureSet) {
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", 2000).stream().map(Bar::of).toList();
        List<Bar.Column> columns = List.of(Bar.Column.values());
        LogReturns scaler = LogReturns.fit(columns, bars, Target.CLOSE);
        // No "model" or "target" in the config: as versions published before the variants, an LSTM of the close.
        return registry.publish(BTC_1D, draft(PortableJson.toBytes(network(seed, columns.size())),
                Map.of("scaling", "log_return", "horizons", List.of(1, 3, 7, 14, 30), "window", 30), columns,
                featureSet, scaler));
    }

    private static ModelDraft draft(byte[] weights, Map<String, Object> config, List<Bar.Column> columns,
            int featureSet, LogReturns scaler) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        double[] low = new double[MAX_DAYS];
        double[] high = new double[MAX_DAYS];
        for (int h = 1; h <= MAX_DAYS; h++) {
            low[h - 1] = -0.03 * Math.sqrt(h);
            high[h - 1] = 0.03 * Math.sqrt(h);
        }
        metrics.put("intervals80", Map.of("low", low, "high", high));
        List<Map<String, Object>> horizons = new ArrayList<>();
        for (int h : new int[] {1, 3, 7, 14, 30}) {
            horizons.add(Map.of("horizon", h, "origins", 400, "mae", 1000.0 * h, "naiveMae", 990.0 * h,
                    "mase", 1000.0 / 990.0, "directionAccuracy", 0.5, "upShare", 0.52, "coverage80", 0.79));
        }
        metrics.put("test", Map.of("firstOrigin", "2024-01-01T00:00:00Z", "lastOrigin", "2025-06-29T00:00:00Z",
                "origins", 400, "horizons", horizons));
        metrics.put("bandSelection", Map.of("folds", 9, "coverage", List.of(Map.of("horizon", 1, "coverage80", 0.81,
                "lowestFold", 0.73, "highestFold", 0.88))));
        return ModelDraft.builder()
                .artifact("weights.json", weights)
                .promotionScore(1000.0)
                .testWindow(TestWindow.parse("2024-01-01T00:00:00Z", "2025-06-30T00:00:00Z"))
                .config(config)
                .features(Map.of("columns", columns, "window", 30, "featureSetVersion", featureSet))
                .scaler(JSON.valueToTree(scaler))
                .trainingData(Map.of("trainFrom", "2017-08-17T00:00:00Z", "trainTo", "2022-12-31T00:00:00Z"))
                .metrics(metrics)
                .build();
    }

    /** Overwrites a published artifact behind the registry's back, as bit rot or a bad hand edit would. */
    void corrupt(int version) {
        s3.putObject(b -> b.bucket(bucket).key(ModelKeys.of(BTC_1D, Target.CLOSE).artifact(version, "weights.json")),
                RequestBody.fromString("{\"tampered\":true}", StandardCharsets.UTF_8));
    }

    /** Cuts a published manifest in half behind the registry's back, as a write on a full disk would leave it. */
    void truncateManifest(int version) {
        truncate(ModelKeys.of(BTC_1D, Target.CLOSE).manifest(version));
    }

    /** Cuts the champion alias in half, as a write on a full disk would leave it. */
    void truncateAlias() {
        truncate(ModelKeys.of(BTC_1D, Target.CLOSE).champion());
    }

    private void truncate(String key) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(java.util.Arrays.copyOf(bytes,
                bytes.length / 2)));
    }

    private static PortableLstm network(long seed, int inputs) {
        Random random = new Random(seed);
        int hidden = 8;
        LstmLayerWeights layer = new LstmLayerWeights(inputs, hidden, matrix(random, inputs, 4 * hidden),
                matrix(random, hidden, 4 * hidden), matrix(random, 1, 4 * hidden)[0]);
        DenseWeights dense = new DenseWeights(hidden, 1, matrix(random, hidden, 1), new float[] {0f});
        return new PortableLstm(inputs, 30, List.of(layer), dense);
    }

    private static PortableMlp mlp(long seed, int inputs) {
        Random random = new Random(seed);
        int hidden = 8;
        DenseWeights layer = new DenseWeights(30 * inputs, hidden, matrix(random, 30 * inputs, hidden),
                matrix(random, 1, hidden)[0]);
        DenseWeights dense = new DenseWeights(hidden, 1, matrix(random, hidden, 1), new float[] {0f});
        return new PortableMlp(inputs, 30, List.of(layer), dense);
    }

    private static float[][] matrix(Random random, int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (random.nextGaussian() * 0.1);
            }
        }
        return m;
    }
}
