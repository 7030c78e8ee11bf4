package com.klinecast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A data dir brought to a state once (ingested, trained) and copied into each test that starts from that state:
 * the local stack keeps all of its state under the data dir (dynalite's LevelDB, S3Proxy's files), and no server
 * runs on it between commands, so a copy is the same stack without redoing the minutes of work per test.
 */
final class PreparedDataDir {

    /** Brings an empty data dir to the state; throws when a step does not work. */
    @FunctionalInterface
    interface Preparation {
        void prepare(Path dataDir) throws Exception;
    }

    private final Path prepared;

    private PreparedDataDir(Path prepared) {
        this.prepared = prepared;
    }

    /** Prepares a new data dir under {@code parent} (a class's {@code @TempDir}). */
    static PreparedDataDir in(Path parent, Preparation preparation) throws Exception {
        Path dir = Files.createDirectory(parent.resolve("prepared"));
        preparation.prepare(dir);
        return new PreparedDataDir(dir);
    }

    /** Copies the prepared state into {@code dataDir} (an empty test directory); returns it. */
    Path copyTo(Path dataDir) {
        try (Stream<Path> walk = Files.walk(prepared)) {
            for (Path from : walk.toList()) {
                Path to = dataDir.resolve(prepared.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    // With its attributes: S3Proxy's file store keeps an object's metadata in extended attributes.
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataDir;
    }
}
