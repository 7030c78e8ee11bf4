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

    /** The class files, as paths below the class path's root; a probe's helpers from other modules too. */
    private static final List<String> CLASSES = List.of(probe("PredictColdStart"), probe("SdkFloor"), probe("Rss"),
            probe("HeapWatch"), probe("IngestRun"), probe("IngestFloor"), "com/klinecast/standins/lambda/LocalContext",
            "com/klinecast/standins/lambda/LocalContext$1", "com/klinecast/standins/lambda/LocalContext$2");

    private static Path directory;

    private Probes() {
    }

    static synchronized Path directory() {
        if (directory != null) {
            return directory;
        }
        try {
            Path dir = Files.createTempDirectory("klinecast-probes");
            // deleteOnExit deletes in the reverse order of registration: parents first, the files after them.
            dir.toFile().deleteOnExit();
            for (String name : CLASSES) {
                Path file = dir.resolve(name + ".class");
                createParents(dir, file.getParent());
                try (InputStream in = Probes.class.getResourceAsStream("/" + name + ".class")) {
                    if (in == null) {
                        throw new IllegalStateException("probe class " + name + " is not in this jar");
                    }
                    Files.copy(in, file);
                    file.toFile().deleteOnExit();
                }
            }
            directory = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String probe(String name) {
        return "com/klinecast/bench/probe/" + name;
    }

    private static void createParents(Path root, Path dir) throws IOException {
        Path sub = root;
        for (Path name : root.relativize(dir)) {
            sub = sub.resolve(name);
            if (!Files.isDirectory(sub)) {
                Files.createDirectory(sub);
                sub.toFile().deleteOnExit();
            }
        }
    }
}
