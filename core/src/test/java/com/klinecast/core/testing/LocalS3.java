package com.klinecast.core.testing;

import com.klinecast.standins.s3.S3Local;
import java.util.UUID;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** One in-memory S3Local (S3Proxy) per test JVM (started on first use); each test takes a fresh bucket. */
public final class LocalS3 {

    private static S3Local server;

    private LocalS3() {
    }

    public static synchronized S3Local server() {
        if (server == null) {
            server = S3Local.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    public static S3Client client() {
        return client(ClientOverrideConfiguration.builder().build());
    }

    /**
     * A client for the local server; region and credentials come from the build's system properties. No path-style
     * switch: the endpoint is an IP address, so the SDK addresses buckets path-style by itself.
     */
    public static S3Client client(ClientOverrideConfiguration override) {
        return S3Client.builder().endpointOverride(server().endpoint())
                .httpClient(UrlConnectionHttpClient.builder().build()).overrideConfiguration(override).build();
    }

    public static String newBucket(S3Client s3) {
        String bucket = "models-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** A bucket with versioning enabled, as a production registry bucket would have it. */
    public static String newVersionedBucket(S3Client s3) {
        String bucket = newBucket(s3);
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        return bucket;
    }
}
