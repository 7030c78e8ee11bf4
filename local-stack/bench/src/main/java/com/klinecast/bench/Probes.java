package com.klinecast.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The probe classes ({@code bench.probe}), copied out of this jar into a directory, so a child JVM's class path
 * can be a Lambda's own jar plus them only: what the probe measures is what Lambda would load.
 */
final class Probes {

    private static final List<String> CLASSES = List.of("PredictColdStart", "SdkFloor", "Rss", "HeapWatch",
            "IngestRun", "IngestRun$QuietContext", "IngestRun$QuietContext$1", "IngestFloor");

    private static Path directory;

    private Probes() {
    }

    static synchronized Path directory() {
        if (directory != null) {
            return directory;
        }
        try {
            Path dir = Files.createTempDirectory("klinecast-probes");
            Path pkg = dir.resolve("com/klinecast/bench/probe");
            Files.createDirectories(pkg);
            // deleteOnExit deletes in the reverse order of registration: parents here, the files after them.
            dir.toFile().deleteOnExit();
            Path sub = dir;
            for (Path name : dir.relativize(pkg)) {
                sub = sub.resolve(name);
                sub.toFile().deleteOnExit();
            }
            for (String name : CLASSES) {
                try (InputStream in = Probes.class.getResourceAsStream("probe/" + name + ".class")) {
                    if (in == null) {
                        throw new IllegalStateException("probe class " + name + " is not in this jar");
                    }
                    Files.copy(in, pkg.resolve(name + ".class"));
                    pkg.resolve(name + ".class").toFile().deleteOnExit();
                }
            }
            directory = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
