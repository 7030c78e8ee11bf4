package com.klinecast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs mounted on a test's directory, to give the CLI a disk with the property a test needs (read-only, nearly
 * full) for real. Mounting needs root; where it is not allowed, the test is skipped rather than faked.
 */
final class TmpfsMount implements AutoCloseable {

    private final Path path;

    private TmpfsMount(Path path) {
        this.path = path;
    }

    /** Mounts a tmpfs with {@code options} (as for {@code mount -o}) on {@code path}, created if needed. */
    static TmpfsMount at(Path path, String options) throws IOException, InterruptedException {
        Files.createDirectories(path);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", path.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here (not root?)");
        return new TmpfsMount(path);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", path.toString()).redirectErrorStream(true).start().waitFor();
    }
}
