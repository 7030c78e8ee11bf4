package com.klinecast.core.testing;

import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.standins.dynamodb.DynamoDbLocal;
import java.util.UUID;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One in-memory DynamoDB Local per test JVM (started on first use); each test takes a fresh table. */
public final class LocalDynamo {

    private static DynamoDbLocal server;

    private LocalDynamo() {
    }

    public static synchronized DynamoDbLocal server() {
        if (server == null) {
            server = DynamoDbLocal.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    public static DynamoDbClient client() {
        return client(ClientOverrideConfiguration.builder().build());
    }

    /** A client for the local server; region and credentials come from the build's system properties. */
    public static DynamoDbClient client(ClientOverrideConfiguration override) {
        return DynamoDbClient.builder().endpointOverride(server().endpoint())
                .httpClient(UrlConnectionHttpClient.builder().build()).overrideConfiguration(override).build();
    }

    public static String newTable(DynamoDbClient ddb) {
        String table = "features-" + UUID.randomUUID();
        FeatureTableSchema.createIfMissing(ddb, table);
        return table;
    }
}
