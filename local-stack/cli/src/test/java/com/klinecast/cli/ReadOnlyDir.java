package com.klinecast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * A directory nobody can write to. Mode 555 is enough for an ordinary user; root writes through it, so as root the
 * directory becomes a read-only tmpfs mount instead (where mounting is not allowed either, the test is skipped).
 */
final class ReadOnlyDir implements AutoCloseable {

    private final Path path;
    private final boolean mounted;

    private ReadOnlyDir(Path path, boolean mounted) {
        this.path = path;
        this.mounted = mounted;
    }

    static ReadOnlyDir at(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!writable(path)) {
            return new ReadOnlyDir(path, false);
        }
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", path.toString())
                .redirectErrorStream(true).start();
        boolean mountedOk = mount.waitFor() == 0;
        Assumptions.assumeTrue(mountedOk && !writable(path), "cannot make a read-only directory here");
        return new ReadOnlyDir(path, true);
    }

    Path path() {
        return path;
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            new ProcessBuilder("umount", path.toString()).redirectErrorStream(true).start().waitFor();
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
