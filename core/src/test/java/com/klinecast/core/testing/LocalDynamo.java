package com.klinecast.core.testing;

import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.standins.dynamodb.Dynalite;
import com.klinecast.standins.dynamodb.DynamoDbStandIn;
import java.util.UUID;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One in-memory dynalite per test JVM (started on first use, stopped with the JVM); each test takes a fresh table,
 * so sharing the server is safe.
 */
public final class LocalDynamo {

    private static Dynalite server;

    private LocalDynamo() {
    }

    public static synchronized Dynalite server() {
        if (server == null) {
            server = Dynalite.inMemory();
        }
        return server;
    }

    public static DynamoDbClient client() {
        return client(ClientOverrideConfiguration.builder().build());
    }

    /** A client for the local server; region and credentials come from the build's system properties. */
    public static DynamoDbClient client(ClientOverrideConfiguration override) {
        return client(server(), override);
    }

    /** A client for another stand-in, such as a persisted one a test starts for itself. */
    public static DynamoDbClient client(DynamoDbStandIn standIn, ClientOverrideConfiguration override) {
        return DynamoDbClient.builder().endpointOverride(standIn.endpoint())
                .httpClient(UrlConnectionHttpClient.builder().build()).overrideConfiguration(override).build();
    }

    public static String newTable(DynamoDbClient ddb) {
        String table = "features-" + UUID.randomUUID();
        FeatureTableSchema.createIfMissing(ddb, table);
        return table;
    }
}
