package com.klinecast.core.registry;

import com.klinecast.core.series.Series;

/** No visible version (no {@code manifest.json}) under that number: never published, or its publish died. */
public final class ModelNotFoundException extends RegistryException {

    private final Series series;
    private final int version;

    public ModelNotFoundException(Series series, int version) {
        super("no model " + ModelKeys.versionName(version) + " for " + series
                + " (no manifest: never published, or its publish did not complete)");
        this.series = series;
        this.version = version;
    }

    public Series series() {
        return series;
    }

    public int version() {
        return version;
    }
}
