package com.klinecast.bench;

import java.nio.file.Path;

/**
 * Where the project's built jars are: under {@code KLINECAST_HOME} (the launcher sets it), else the working
 * directory. The benchmarks measure the jars as they are deployed and as the launcher runs them.
 */
public final class Project {

    private Project() {
    }

    public static Path home() {
        return Path.of(System.getenv().getOrDefault("KLINECAST_HOME", "."));
    }

    /** The operator CLI's shaded jar, which {@code ./klinecast} runs. */
    public static Path cliJar() {
        return home().resolve("local-stack/cli/target/klinecast.jar");
    }

    /** A function's deployment jar, e.g. {@code ingest-lambda}. */
    public static Path lambdaJar(String module) {
        return home().resolve(module + "/target/" + module + ".jar");
    }
}
