package com.klinecast.standins.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3Proxy, in this JVM, on 127.0.0.1 and a free port, checking AWS Signature V4 against access key
 * {@value #ACCESS_KEY_ID} and secret {@value #SECRET_ACCESS_KEY}. It serves path-style requests
 * ({@code http://127.0.0.1:port/bucket/key}) only; the SDK uses path style by itself for an IP endpoint.
 */
public final class S3Local implements AutoCloseable {

    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";

    private static final String HOST = "127.0.0.1";

    private final S3Proxy proxy;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3Local(S3Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    /** Starts an instance over S3Proxy's {@code transient} (in-memory) store, which supports versioning. */
    public static S3Local inMemory() {
        return start(new TransientNio2BlobStore(), 0);
    }

    /**
     * Starts an instance over S3Proxy's {@code filesystem} store in {@code dir} (created if missing):
     * a directory per bucket, a file per object, metadata in user extended attributes, so the file
     * system must support them (ext4, xfs, btrfs and APFS do). This store does not support versioning.
     */
    public static S3Local fileBacked(Path dir) {
        return fileBacked(dir, 0);
    }

    /** The same on a fixed port (0: a free one), for clients configured outside this JVM. */
    public static S3Local fileBacked(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()), port);
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy failed to stop", e);
            }
        }
    }

    private static S3Local start(BlobStore store, int port) {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                // Port 0: the kernel picks a free port as Jetty binds, so no other process can take it in between.
                .endpoint(URI.create("http://" + HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                // Jetty drains gracefully for up to 30 s by default, 1-2 s even when idle; a stand-in has nothing to drain.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy failed to start", e);
        }
        return new S3Local(proxy, proxy.getPort());
    }
}
