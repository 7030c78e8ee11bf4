package com.klinecast.cli;

import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.S3ModelRegistry;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.core.store.SeriesCatalogTable;
import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.standins.dynamodb.DataDirDynamoDb;
import com.klinecast.standins.dynamodb.DynamoDbStandIn;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.s3.S3Local;
import com.klinecast.standins.replay.ReplayClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.klinecast.standins.sqs.ElasticMq;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The stand-ins the CLI runs its commands against: dynalite keeping its tables under the data dir (one server per
 * data dir, shared with any other command running on it), S3Proxy
 * for the model registry (started only by commands that need it) and, for {@code --source replay}, the Binance
 * replay of the bundled klines on the CLI's clock. The SDK reaches them the
 * standard way, through the endpoint settings ({@code aws.endpointUrlDynamoDb}), region and credentials.
 */
public final class LocalStack implements AutoCloseable {

    public static final String TABLE = "klinecast-features";
    public static final String BUCKET = "klinecast-models";

    /** Where the stand-ins listen on 127.0.0.1; 0 picks a free port. */
    record Ports(int dynamoDb, int s3, int replay) {
        static final Ports ANY = new Ports(0, 0, 0);
    }

    private final DynamoDbStandIn dynamo;
    private final BinanceReplayServer replay;
    private final ReplayClock replayClock;
    private final URI binanceUrl;
    private final DynamoDbClient ddb;
    private final Path dataDir;
    private final int s3Port;
    private S3Local s3Local;
    private S3Client s3;
    private ElasticMq elasticMq;
    private SqsClient sqs;

    private LocalStack(Path dataDir, DynamoDbStandIn dynamo, BinanceReplayServer replay, ReplayClock replayClock,
            URI binanceUrl, int s3Port) {
        this.dataDir = dataDir;
        this.replayClock = replayClock;
        this.s3Port = s3Port;
        this.dynamo = dynamo;
        this.replay = replay;
        this.binanceUrl = binanceUrl;
        LocalAws.useDynamoDb(dynamo.endpoint());
        this.ddb = AwsClients.dynamoDb();
        FeatureTableSchema.createIfMissing(ddb, TABLE);
    }

    public static LocalStack start(Klinecast options) {
        return start(options, Ports.ANY);
    }

    static LocalStack start(Klinecast options, Ports ports) {
        DataDirCheck.require(options.dataDir);
        Path dataDir = options.dataDir.toAbsolutePath();
        DynamoDbStandIn dynamo = DataDirDynamoDb.open(dataDir.resolve("dynamodb"), ports.dynamoDb());
        BinanceReplayServer replay = null;
        ReplayClock clock = null;
        URI binanceUrl = options.binanceUrl;
        if (options.source == Klinecast.Source.replay) {
            Path dir = options.replayDir();
            if (!Files.isDirectory(dir)) {
                dynamo.close();
                throw new IllegalArgumentException("replay directory " + dir.toAbsolutePath() + " does not exist; "
                        + "run from the project root, or pass --replay-dir");
            }
            try {
                clock = options.now == null ? ReplayClock.system() : ReplayClock.fixedAt(options.now());
                replay = BinanceReplayServer.start(dir, clock, Clock.systemUTC(), ports.replay());
            } catch (RuntimeException e) {
                dynamo.close();
                throw e;
            }
            binanceUrl = replay.baseUrl();
        }
        return new LocalStack(dataDir, dynamo, replay, clock, binanceUrl, ports.s3());
    }

    /** Moves the replay's "now" (as {@code replay} steps through days); false without a replay. */
    boolean moveReplayClock(Instant now) {
        if (replayClock == null) {
            return false;
        }
        replayClock.set(now);
        return true;
    }

    /** The exchange the functions reach: the replay's URL, or the live exchange for {@code --source binance}. */
    URI binanceUrl() {
        return binanceUrl;
    }

    public URI dynamoDbEndpoint() {
        return dynamo.endpoint();
    }

    /** Where the stand-ins keep their state. */
    public Path dataDir() {
        return dataDir;
    }

    /** S3Proxy's endpoint (it starts if it has not yet). */
    public URI s3Endpoint() {
        s3();
        return s3Local.endpoint();
    }

    DynamoDbClient dynamoDb() {
        return ddb;
    }

    /** The model registry, over S3Proxy keeping its objects under the data dir; started on first use. */
    public ModelRegistry registry() {
        return new S3ModelRegistry(s3(), BUCKET);
    }

    /** The S3 client for the local registry bucket (S3Proxy starts on first use). */
    S3Client s3() {
        if (s3 == null) {
            s3Local = S3Local.fileBacked(dataDir.resolve("s3"), s3Port);
            LocalAws.useS3(s3Local.endpoint());
            s3 = AwsClients.s3();
            try {
                s3.createBucket(b -> b.bucket(BUCKET));
            } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException exists) {
                // kept from an earlier run
            }
        }
        return s3;
    }

    /** The series catalog, in the feature table. */
    public SeriesCatalog catalog() {
        return new SeriesCatalogTable(ddb, TABLE);
    }

    /** ElasticMQ, the SQS stand-in (in memory: the watermarks hold the progress), started on first use. */
    synchronized SqsClient sqs() {
        if (sqs == null) {
            elasticMq = ElasticMq.start();
            sqs = elasticMq.client();
        }
        return sqs;
    }

    public FeatureTable featureTable() {
        return new FeatureTable(ddb, TABLE, BatchWriter.withDefaults(ddb));
    }

    /** The environment the functions would get from template.yaml, pointed at the local stack. */
    Map<String, String> functionEnvironment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("FEATURE_TABLE", TABLE);
        env.put("BINANCE_BASE_URL", binanceUrl.toString());
        return env;
    }

    @Override
    public void close() {
        if (sqs != null) {
            sqs.close();
            elasticMq.close();
        }
        if (s3 != null) {
            s3.close();
            s3Local.close();
        }
        ddb.close();
        if (replay != null) {
            replay.close();
        }
        dynamo.close();
    }
}
