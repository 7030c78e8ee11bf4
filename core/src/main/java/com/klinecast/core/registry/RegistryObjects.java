package com.klinecast.core.registry;

import com.klinecast.core.retry.Backoff;
import com.klinecast.core.retry.Sleeper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The registry bucket's objects: plain and conditional reads and writes, and the back-off between conflicts. */
final class RegistryObjects {

    static final String JSON = "application/json";
    /** Conflicts (lost races) back off with jitter, so contending writers spread out instead of retrying in step. */
    static final Backoff CONFLICTS = new Backoff(Duration.ofMillis(5), Duration.ofMillis(250), 100);
    /** Attempts at one conditional create whose outcome stays unknown (409, a failed request, a vanished key). */
    private static final int AMBIGUOUS_ATTEMPTS = 5;

    private final S3Client s3;
    private final String bucket;
    private final Sleeper sleeper;

    RegistryObjects(S3Client s3, String bucket, Sleeper sleeper) {
        this.s3 = s3;
        this.bucket = bucket;
        this.sleeper = sleeper;
    }

    S3Client s3() {
        return s3;
    }

    String bucket() {
        return bucket;
    }

    /**
     * Creates {@code key} only if absent ({@code If-None-Match: *}). True when this call's body is there
     * afterwards, false when another writer's is. A 412, a 409 or a client-side failure is settled by reading the
     * key back and asking {@code ours}: a retried request may have been applied before its 412.
     */
    boolean createOnce(String key, byte[] body, String contentType, Predicate<byte[]> ours) {
        String digest = Base64.getEncoder().encodeToString(sha256(body));
        RuntimeException last = null;
        for (int attempt = 1; attempt <= AMBIGUOUS_ATTEMPTS; attempt++) {
            try {
                s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType(contentType)
                        .checksumSHA256(digest), RequestBody.fromBytes(body));
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() != 412 && e.statusCode() != 409) {
                    throw e;
                }
                last = e;
            } catch (SdkClientException e) {
                last = e;
            }
            Optional<byte[]> existing = getBytes(key);
            if (existing.isPresent()) {
                return ours.test(existing.get());
            }
            pause(attempt);
        }
        throw new RegistryException("could not create " + key + " after " + AMBIGUOUS_ATTEMPTS + " attempts", last);
    }

    boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    Optional<byte[]> getBytes(String key) {
        return getObject(key).map(ResponseBytes::asByteArray);
    }

    Optional<ResponseBytes<GetObjectResponse>> getObject(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    List<String> listKeys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    void deleteQuietly(List<String> keys, RuntimeException failure) {
        for (String key : keys) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    void pause(int attempt) {
        try {
            sleeper.sleep(CONFLICTS.delay(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while retrying a conditional write", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
