package com.klinecast.predict.volatility;

import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelNotFoundException;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The volatility champions one execution environment serves, from the volatility target's own registry: each is
 * read once and its alias re-read at most every {@code recheck}, as the close champions are. A volatility version
 * is a manifest alone (no artifacts), so there is nothing to verify beyond reading it.
 */
public final class VolatilityModels {

    private final ModelRegistry registry;
    private final Clock clock;
    private final Duration recheck;
    private final Map<Series, Entry> champions = new HashMap<>();

    private record Entry(Instant checkedAt, Optional<PublishedVolatility> champion) {
    }

    public VolatilityModels(ModelRegistry registry, Clock clock, Duration recheck) {
        this.registry = registry.forTarget(Target.VOLATILITY);
        this.clock = clock;
        this.recheck = recheck;
    }

    /** The series' volatility champion, or empty when none has been published. */
    public synchronized Optional<PublishedVolatility> champion(Series series) {
        Instant now = clock.instant();
        Entry cached = champions.get(series);
        if (cached != null && now.isBefore(cached.checkedAt().plus(recheck))) {
            return cached.champion();
        }
        Optional<Champion> alias = registry.champion(series);
        Optional<PublishedVolatility> champion;
        if (alias.isEmpty()) {
            champion = Optional.empty();
        } else if (cached != null && cached.champion().isPresent()
                && cached.champion().get().manifest().version() == alias.get().version()) {
            champion = cached.champion();
        } else {
            champion = Optional.of(read(series, alias.get().version()));
        }
        champions.put(series, new Entry(now, champion));
        return champion;
    }

    /** A version asked for by number. */
    public PublishedVolatility version(Series series, int version) {
        return read(series, version);
    }

    private PublishedVolatility read(Series series, int version) {
        ModelManifest manifest = registry.manifest(series, version)
                .orElseThrow(() -> new ModelNotFoundException(series, version));
        return PublishedVolatility.of(manifest);
    }
}
