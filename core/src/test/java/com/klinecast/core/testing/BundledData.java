package com.klinecast.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real Binance klines bundled with the project (data/binance), as the build points tests at them. */
public final class BundledData {

    private BundledData() {
    }

    public static Path dir() {
        String configured = System.getProperty("klinecast.dataDir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../data/binance");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("bundled klines not found at " + dir.toAbsolutePath());
        }
        return dir;
    }
}
