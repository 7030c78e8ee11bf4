package com.klinecast.cli;

import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.standins.dynamodb.DynamoDbLocal;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stand-ins the CLI runs its commands against: DynamoDB Local keeping its data under the data dir and, for
 * {@code --source replay}, the Binance replay of the bundled klines on the CLI's clock. The SDK reaches them the
 * standard way, through the endpoint settings ({@code aws.endpointUrlDynamoDb}), region and credentials.
 */
final class LocalStack implements AutoCloseable {

    static final String TABLE = "klinecast-features";

    private final DynamoDbLocal dynamo;
    private final BinanceReplayServer replay;
    private final URI binanceUrl;
    private final DynamoDbClient ddb;

    private LocalStack(DynamoDbLocal dynamo, BinanceReplayServer replay, URI binanceUrl) {
        this.dynamo = dynamo;
        this.replay = replay;
        this.binanceUrl = binanceUrl;
        LocalAws.useDynamoDb(dynamo.endpoint());
        this.ddb = AwsClients.dynamoDb();
        FeatureTableSchema.createIfMissing(ddb, TABLE);
    }

    static LocalStack start(Klinecast options) {
        Path dataDir = options.dataDir.toAbsolutePath();
        DynamoDbLocal dynamo = DynamoDbLocal.fileBacked(dataDir.resolve("dynamodb"));
        BinanceReplayServer replay = null;
        URI binanceUrl = options.binanceUrl;
        if (options.source == Klinecast.Source.replay) {
            Path dir = options.replayDir();
            if (!Files.isDirectory(dir)) {
                dynamo.close();
                throw new IllegalArgumentException("replay directory " + dir.toAbsolutePath() + " does not exist; "
                        + "run from the project root, or pass --replay-dir");
            }
            replay = BinanceReplayServer.start(dir, options.now == null ? ReplayClock.system()
                    : ReplayClock.fixedAt(options.now()));
            binanceUrl = replay.baseUrl();
        }
        return new LocalStack(dynamo, replay, binanceUrl);
    }

    DynamoDbClient dynamoDb() {
        return ddb;
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
        ddb.close();
        if (replay != null) {
            replay.close();
        }
        dynamo.close();
    }
}
