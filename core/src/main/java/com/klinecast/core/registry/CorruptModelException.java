package com.klinecast.core.registry;

import com.klinecast.core.series.Series;

/**
 * A stored version does not match its manifest: an artifact's SHA-256 or size differs from the one recorded at
 * publish time, an artifact is missing, or the manifest itself is unreadable or names another series or version.
 * The model must not be served; {@link #artifact()} names the offending object.
 */
public final class CorruptModelException extends RegistryException {

    private final Series series;
    private final int version;
    private final String artifact;

    public CorruptModelException(Series series, int version, String artifact, String detail) {
        this(series, version, artifact, detail, null);
    }

    public CorruptModelException(Series series, int version, String artifact, String detail, Throwable cause) {
        super(series + " " + ModelKeys.versionName(version) + ": artifact '" + artifact + "' is corrupt: " + detail,
                cause);
        this.series = series;
        this.version = version;
        this.artifact = artifact;
    }

    public Series series() {
        return series;
    }

    public int version() {
        return version;
    }

    /** The artifact's name, e.g. {@code model.zip}, or {@code manifest.json} when the manifest is the problem. */
    public String artifact() {
        return artifact;
    }
}
