package com.klinecast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * A directory nobody can write to. Mode 555 is enough for an ordinary user; root writes through it, so as root the
 * directory becomes a read-only tmpfs mount instead.
 */
final class ReadOnlyDir implements AutoCloseable {

    private final Path path;
    private final TmpfsMount mount;

    private ReadOnlyDir(Path path, TmpfsMount mount) {
        this.path = path;
        this.mount = mount;
    }

    static ReadOnlyDir at(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!writable(path)) {
            return new ReadOnlyDir(path, null);
        }
        TmpfsMount mount = TmpfsMount.at(path, "ro,size=64k");
        Assumptions.assumeFalse(writable(path), "the read-only mount is writable");
        return new ReadOnlyDir(path, mount);
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
        if (mount != null) {
            mount.close();
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
