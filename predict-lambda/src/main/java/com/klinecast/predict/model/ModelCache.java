package com.klinecast.predict.model;

import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.CorruptModelException;
import com.klinecast.core.registry.ModelNotFoundException;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.predict.forecast.ForecastException;
import com.klinecast.predict.forecast.ForecastException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The models one execution environment serves. A champion is loaded once and its alias re-read (one small GET)
 * at most every {@code recheck}, so a new champion is picked up without a redeploy. If the champion fails its
 * checksum (or cannot be run), the previous champions are tried in order and the one served is flagged as a
 * fallback. Pinned versions are immutable, so they are kept (a few, least recently used first out). Close and
 * volume models come from their own registries ({@link ModelRegistry#forTarget}) and are cached apart.
 */
public final class ModelCache {

    private static final int PINNED_KEPT = 8;

    private final ModelRegistry registry;
    private final Clock clock;
    private final Duration recheck;
    private final Consumer<String> log;
    private final Map<Key, Entry> champions = new LinkedHashMap<>();
    private final Map<String, ServedModel> pinned = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ServedModel> eldest) {
            return size() > PINNED_KEPT;
        }
    };

    private record Entry(int champion, Instant checkedAt, ServedModel served) {
    }

    private record Key(Series series, Target target) {
    }

    public ModelCache(ModelRegistry registry, Clock clock, Duration recheck, Consumer<String> log) {
        this.registry = registry;
        this.clock = clock;
        this.recheck = recheck;
        this.log = log;
    }

    /** The series' champion for {@code target}, or the newest earlier one that loads when it is corrupt. */
    public synchronized ServedModel champion(Series series, Target target) {
        Instant now = clock.instant();
        Key key = new Key(series, target);
        ModelRegistry registry = this.registry.forTarget(target);
        Entry cached = champions.get(key);
        if (cached != null && now.isBefore(cached.checkedAt().plus(recheck))) {
            return cached.served();
        }
        Optional<Champion> alias;
        try {
            alias = registry.champion(series);
        } catch (RuntimeException e) {
            if (cached != null) {
                // Keep serving what verified a moment ago rather than fail every request while S3 hiccups.
                log.accept("champion re-check for " + series + " failed (" + e.getMessage() + "); serving v"
                        + cached.served().version() + " until the next re-check");
                champions.put(key, new Entry(cached.champion(), now, cached.served()));
                return cached.served();
            }
            throw e;
        }
        if (alias.isEmpty()) {
            champions.remove(key);
            throw ForecastException.unavailable("no model yet", "no " + target.code() + " model has been published for "
                    + series + "; the training job has not run for it");
        }
        Champion champion = alias.get();
        if (cached != null && cached.champion() == champion.version()) {
            champions.put(key, new Entry(cached.champion(), now, cached.served()));
            return cached.served();
        }
        ServedModel served = loadChampion(registry, series, champion);
        champions.put(key, new Entry(champion.version(), now, served));
        return served;
    }

    /** A version of {@code target}'s models asked for by number; no fallback, since the caller chose it. */
    public synchronized ServedModel version(Series series, Target target, int version) {
        String key = series.id() + "#" + target.code() + "#" + version;
        ServedModel served = pinned.get(key);
        if (served == null) {
            try {
                served = ModelReader.read(registry.forTarget(target).load(series, version));
            } catch (ModelNotFoundException e) {
                throw new ForecastException(Kind.NOT_FOUND, "unknown version", series + " has no "
                        + target.code() + " version " + version);
            } catch (CorruptModelException | UnusableModelException e) {
                throw ForecastException.unavailable("model unusable", e.getMessage());
            }
            pinned.put(key, served);
        }
        return served;
    }

    private ServedModel loadChampion(ModelRegistry registry, Series series, Champion champion) {
        String problem;
        try {
            ServedModel served = ModelReader.read(registry.load(series, champion.version()))
                    .as(ServedModel.Source.CHAMPION, null);
            return served.because(ChampionReason.of(registry, series, champion, served));
        } catch (CorruptModelException | UnusableModelException | ModelNotFoundException e) {
            problem = e.getMessage();
            log.accept("champion v" + champion.version() + " of " + series + " cannot be served: " + problem);
        }
        for (int previous : champion.previous()) {
            try {
                ServedModel served = ModelReader.read(registry.load(series, previous));
                log.accept("serving earlier champion v" + previous + " of " + series + " instead");
                return served.as(ServedModel.Source.FALLBACK, new ServedModel.Fallback(champion.version(), problem))
                        .because("the champion v" + champion.version() + " cannot be served; v" + previous
                                + " is the newest earlier champion that can");
            } catch (CorruptModelException | UnusableModelException | ModelNotFoundException e) {
                log.accept("earlier champion v" + previous + " of " + series + " cannot be served either: "
                        + e.getMessage());
            }
        }
        throw ForecastException.unavailable("model unusable", "champion v" + champion.version() + " of " + series
                + " cannot be served (" + problem + ") and no earlier champion can either; an operator should run '"
                + rollbackCommand(series, registry.target()) + "' or retrain");
    }

    /** The CLI's command that restores the previous champion of the series (KlinecastCliIT runs it). */
    private static String rollbackCommand(Series series, Target target) {
        return "klinecast models rollback --symbol " + series.symbol() + " --interval " + series.interval().code()
                + (target == Target.CLOSE ? "" : " --target " + target.code());
    }
}
