package com.klinecast.standins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3LocalIT {

    private static final String BUCKET = "klines";

    @Test
    void createsABucketAndGetsBackAnObjectItPut() {
        try (S3Local s3 = S3Local.inMemory(); S3Client client = clientFor(s3, S3Local.SECRET_ACCESS_KEY)) {
            client.createBucket(r -> r.bucket(BUCKET));
            client.putObject(r -> r.bucket(BUCKET).key("BTCUSDT/1m/2024-01-01.csv"), RequestBody.fromString("a,b\n1,2\n"));

            String got = client.getObjectAsBytes(r -> r.bucket(BUCKET).key("BTCUSDT/1m/2024-01-01.csv")).asUtf8String();

            assertEquals("a,b\n1,2\n", got);
        }
    }

    @Test
    void conditionalPutWithIfNoneMatchStarIsRejectedWith412WhenTheKeyExists() {
        try (S3Local s3 = S3Local.inMemory(); S3Client client = clientFor(s3, S3Local.SECRET_ACCESS_KEY)) {
            client.createBucket(r -> r.bucket(BUCKET));
            client.putObject(r -> r.bucket(BUCKET).key("lock").ifNoneMatch("*"), RequestBody.fromString("first"));

            S3Exception rejected = assertThrows(S3Exception.class, () ->
                    client.putObject(r -> r.bucket(BUCKET).key("lock").ifNoneMatch("*"), RequestBody.fromString("second")));

            assertEquals(412, rejected.statusCode());
            assertEquals("first", client.getObjectAsBytes(r -> r.bucket(BUCKET).key("lock")).asUtf8String());
        }
    }

    @Test
    void inMemoryStoreWithVersioningEnabledKeepsBothWritesAsVersions() {
        try (S3Local s3 = S3Local.inMemory(); S3Client client = clientFor(s3, S3Local.SECRET_ACCESS_KEY)) {
            client.createBucket(r -> r.bucket(BUCKET));
            client.putBucketVersioning(r -> r.bucket(BUCKET)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            String v1 = client.putObject(r -> r.bucket(BUCKET).key("model.json"), RequestBody.fromString("v1")).versionId();
            String v2 = client.putObject(r -> r.bucket(BUCKET).key("model.json"), RequestBody.fromString("v2")).versionId();

            List<ObjectVersion> versions = client.listObjectVersions(r -> r.bucket(BUCKET).prefix("model.json")).versions();

            assertEquals(BucketVersioningStatus.ENABLED, client.getBucketVersioning(r -> r.bucket(BUCKET)).status());
            assertNotEquals(v1, v2);
            assertEquals(2, versions.size());
            assertEquals("v2", client.getObjectAsBytes(r -> r.bucket(BUCKET).key("model.json")).asUtf8String());
            assertEquals("v1", client.getObjectAsBytes(r -> r.bucket(BUCKET).key("model.json").versionId(v1)).asUtf8String());
        }
    }

    @Test
    void fileBackedInstanceKeepsItsObjectsAcrossARestartOnTheSameDirectory(@TempDir Path dir) {
        try (S3Local s3 = S3Local.fileBacked(dir); S3Client client = clientFor(s3, S3Local.SECRET_ACCESS_KEY)) {
            client.createBucket(r -> r.bucket(BUCKET));
            client.putObject(r -> r.bucket(BUCKET).key("features/day=1.csv"), RequestBody.fromString("x"));
        }

        try (S3Local s3 = S3Local.fileBacked(dir); S3Client client = clientFor(s3, S3Local.SECRET_ACCESS_KEY)) {
            assertEquals("x", client.getObjectAsBytes(r -> r.bucket(BUCKET).key("features/day=1.csv")).asUtf8String());
        }
    }

    @Test
    void requestSignedWithAnotherSecretIsRefused() {
        try (S3Local s3 = S3Local.inMemory(); S3Client client = clientFor(s3, "not-the-secret")) {
            S3Exception refused = assertThrows(S3Exception.class, () -> client.createBucket(r -> r.bucket(BUCKET)));

            assertEquals(403, refused.statusCode());
        }
    }

    private static S3Client clientFor(S3Local s3, String secret) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Local.ACCESS_KEY_ID, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
