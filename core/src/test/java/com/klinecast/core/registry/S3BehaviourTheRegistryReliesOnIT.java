package com.klinecast.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinecast.core.testing.LocalS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the registry relies on from the stand-in, one request at a time, as S3 does it; S3Proxy 4.1.0 answers all of
 * these like S3. Every probe is one whose SDK retry would get the same answer: through the URL-connection client,
 * S3Proxy now and then applies a PUT whose sender then fails writing it, and the SDK's retry of a conditional PUT
 * is then judged against the object its first attempt wrote (see {@link LostResponses}). What a single request
 * cannot show, and why {@link ChampionLog} commits champion changes with {@code If-None-Match} rather than
 * {@code If-Match}: S3Proxy checks {@code If-Match} in its HTTP handler apart from the store's write, so concurrent
 * writers holding the same ETag can both succeed (see the class comment there).
 */
class S3BehaviourTheRegistryReliesOnIT {

    private final S3Client s3 = LocalS3.client();
    private final String bucket = LocalS3.newBucket(s3);

    @Test
    void ifNoneMatchStarOnAnExistingKeyIsRefusedWith412() {
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("first"));

        S3Exception refused = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("second")));

        assertEquals(412, refused.statusCode());
        assertEquals("first", read("k"));
    }

    @Test
    void ifMatchWithAStaleETagIsRefusedWith412() {
        String first = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one")).eTag();
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("two"));

        S3Exception stale = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("k").ifMatch(first), RequestBody.fromString("three")));

        assertEquals(412, stale.statusCode());
        assertEquals("two", read("k"));
    }

    @Test
    void ifMatchOnAMissingKeyAnswers404() {
        S3Exception missing = assertThrows(S3Exception.class, () -> s3.putObject(
                b -> b.bucket(bucket).key("absent").ifMatch("\"0123456789abcdef0123456789abcdef\""),
                RequestBody.fromString("x")));

        assertEquals(404, missing.statusCode());
    }

    @Test
    void aWrongSha256ChecksumIsRefused() {
        S3Exception refused = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket(bucket).key("k")
                        .checksumSHA256("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="),   // SHA-256 of "hello"
                RequestBody.fromString("hellO")));

        assertEquals(400, refused.statusCode());
    }

    private String read(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }
}
