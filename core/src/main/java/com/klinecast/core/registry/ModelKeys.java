package com.klinecast.core.registry;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's key layout, and the only place its keys are built. Every part that reaches a key is validated
 * first, so no request can name another series' prefix (or anything outside {@code models/}):
 *
 * <pre>
 * models/{SYMBOL}/{interval}/v{NNNNNN}/_allocation.json   version number claimed (If-None-Match: *); not a version yet
 * models/{SYMBOL}/{interval}/v{NNNNNN}/{artifact}         opaque bytes, e.g. model.zip, weights.json
 * models/{SYMBOL}/{interval}/v{NNNNNN}/manifest.json      written last: its presence makes the version visible
 * models/{SYMBOL}/{interval}/champion.json                the champion alias (materialized head of the log below)
 * models/{SYMBOL}/{interval}/champion-log/r{NNNNNN}.json  every champion change, created once (If-None-Match: *)
 * </pre>
 *
 * <p>That is the layout of close models. Models of another {@link Target} live under {@code models/{target}/}
 * ({@code models/volume/BTCUSDT/1d/...}), the same layout with their own version numbers, champion and log, so a
 * volume model can never be promoted over, or roll back to, a close model. The target segment is lower-case and
 * symbols are upper-case, so neither prefix is a prefix of the other; close keys stay where they always were.
 *
 * <p>The symbol is checked by {@link Series} ({@code [A-Z0-9]{2,20}}), the interval is one of Binance's codes,
 * version and revision numbers are 1 to {@value #MAX_NUMBER} (six digits), and artifact names are 1 to 128 letters,
 * digits, {@code .}, {@code _} or {@code -}, starting with a letter or digit (so no {@code /}, no {@code ..} path
 * segment, and never the reserved {@code manifest.json} or {@code _allocation.json}).
 */
public final class ModelKeys {

    public static final String ROOT = "models/";
    /** Six digits: v000001 .. v999999, so keys sort in version order. */
    public static final int MAX_NUMBER = 999_999;
    public static final String MANIFEST = "manifest.json";
    static final String ALLOCATION = "_allocation.json";
    static final String CHAMPION = "champion.json";
    static final String CHAMPION_LOG = "champion-log/";

    private static final Pattern ARTIFACT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final Pattern VERSION_KEY = Pattern.compile("^v(\\d{6})/(.+)$");
    private static final Pattern REVISION_KEY = Pattern.compile("^r(\\d{6})\\.json$");

    private final Series series;
    private final Target target;
    private final String prefix;

    private ModelKeys(Series series, Target target) {
        this.series = Objects.requireNonNull(series, "series");
        this.target = Objects.requireNonNull(target, "target");
        this.prefix = ROOT + targetFolder(target) + series.symbol() + "/" + series.interval().code() + "/";
    }

    public static ModelKeys of(Series series, Target target) {
        return new ModelKeys(series, target);
    }

    /** Close models stay at the root, where registries kept them before other targets existed; others in a folder. */
    private static String targetFolder(Target target) {
        return target == Target.CLOSE ? "" : target.code() + "/";
    }

    public Series series() {
        return series;
    }

    public Target target() {
        return target;
    }

    /**
     * {@code models/BTCUSDT/1d/} ({@code models/volume/BTCUSDT/1d/} for volume): everything of this series and
     * target, and nothing of any other, starts with it.
     */
    public String prefix() {
        return prefix;
    }

    public String versionPrefix(int version) {
        return prefix + versionName(version) + "/";
    }

    public String manifest(int version) {
        return versionPrefix(version) + MANIFEST;
    }

    public String artifact(int version, String name) {
        return versionPrefix(version) + requireArtifactName(name);
    }

    String allocation(int version) {
        return versionPrefix(version) + ALLOCATION;
    }

    public String champion() {
        return prefix + CHAMPION;
    }

    String championLog(int revision) {
        return championLogPrefix() + "r" + sixDigits(requireNumber(revision, "revision")) + ".json";
    }

    String championLogPrefix() {
        return prefix + CHAMPION_LOG;
    }

    /** The revision a champion-log key records ({@code .../champion-log/r000004.json} gives 4), if it is one. */
    OptionalInt revisionOf(String key) {
        if (key == null || !key.startsWith(championLogPrefix())) {
            return OptionalInt.empty();
        }
        Matcher m = REVISION_KEY.matcher(key.substring(championLogPrefix().length()));
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int revision = Integer.parseInt(m.group(1));
        return revision < 1 ? OptionalInt.empty() : OptionalInt.of(revision);
    }

    /** The version a key of this series belongs to ({@code models/BTCUSDT/1d/v000003/x} gives 3), if any. */
    OptionalInt versionOf(String key) {
        if (key == null || !key.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        Matcher m = VERSION_KEY.matcher(key.substring(prefix.length()));
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int version = Integer.parseInt(m.group(1));
        return version < 1 ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /** Whether the key is a version's manifest, the object that makes the version visible. */
    boolean isManifest(String key) {
        return versionOf(key).isPresent() && key.endsWith("/" + MANIFEST)
                && key.length() == prefix.length() + "v000000/".length() + MANIFEST.length();
    }

    /** {@code v000003}. */
    public static String versionName(int version) {
        return "v" + sixDigits(requireVersion(version));
    }

    public static int requireVersion(int version) {
        return requireNumber(version, "version");
    }

    public static String requireArtifactName(String name) {
        if (name == null || !ARTIFACT.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid artifact name '" + name
                    + "': expected 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (name.equals(MANIFEST)) {
            throw new IllegalArgumentException("'" + MANIFEST + "' is reserved for the registry's own manifest");
        }
        return name;
    }

    private static int requireNumber(int n, String what) {
        if (n < 1 || n > MAX_NUMBER) {
            throw new IllegalArgumentException("invalid " + what + " " + n + ": expected 1 to " + MAX_NUMBER);
        }
        return n;
    }

    private static String sixDigits(int n) {
        return String.format("%06d", n);
    }
}
