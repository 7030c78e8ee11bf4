package com.klinecast.cli;

import com.klinecast.core.testing.HostileHttp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The 300 hostile and plain requests of {@link HostileHttp} against the real {@code klinecast up} (its own process,
 * on port 0, after its backfill, catch-up and first training): no 5xx, and every 4xx is JSON, as behind API
 * Gateway.
 */
class UpHostileIT {

    private static Path dataDir;
    private static CliProcess up;

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("klinecast-up-hostile-");
        up = CliProcess.serving(dataDir, "up", "--port", "0", "--epochs", "1");
    }

    @AfterContainer
    static void stop() throws IOException {
        try {
            if (up != null) {
                up.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Property(tries = 300, seed = "20261201")
    void noAnswerIsA5xxAndEvery4xxIsJson(@ForAll("requestLines") String requestLine) throws IOException {
        HostileHttp.assertAnsweredAsApiGatewayWould(up.baseUrl().getPort(), requestLine);
    }

    @Provide
    Arbitrary<String> requestLines() {
        return HostileHttp.requestLines();
    }
}
