package com.klinecast.predict.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.LoadedModel;
import com.klinecast.core.registry.ModelDraft;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.PromotionDecision;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.standins.replay.ReplayClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /models} lists the registry once per close (and re-check interval), not once per request. */
class ModelListingCacheTest {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");

    /** A registry with no versions that counts how often it is listed. */
    private static final class CountingRegistry implements ModelRegistry {
        int lists;

        @Override
        public Target target() {
            return Target.CLOSE;
        }

        @Override
        public ModelRegistry forTarget(Target target) {
            return this;
        }

        @Override
        public List<Integer> list(Series series) {
            lists++;
            return List.of();
        }

        @Override
        public Optional<ModelManifest> manifest(Series series, int version) {
            return Optional.empty();
        }

        @Override
        public Optional<Champion> champion(Series series) {
            return Optional.empty();
        }

        @Override
        public ModelManifest publish(Series series, ModelDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LoadedModel load(Series series, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PromotionDecision promoteIfBetter(Series series, int version, Rescorer rescorer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PromotionDecision promoteIf(Series series, int version, Judge judge) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PromotionDecision promote(Series series, int version, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PromotionDecision rollback(Series series) {
            throw new UnsupportedOperationException();
        }
    }

    private final ReplayClock clock = ReplayClock.fixedAt(Instant.parse("2025-07-01T00:30:00Z"));
    private final CountingRegistry registry = new CountingRegistry();

    @Test
    void keptUntilTheNextCloseAtMostTheRecheckInterval() {
        ModelListing listing = new ModelListing(registry, clock, Duration.ofMinutes(5));

        listing.list(BTC_1H, Target.CLOSE);
        clock.set(Instant.parse("2025-07-01T00:34:59Z"));
        listing.list(BTC_1H, Target.CLOSE);
        assertEquals(1, registry.lists);

        clock.set(Instant.parse("2025-07-01T00:35:00Z"));           // the re-check interval is up
        listing.list(BTC_1H, Target.CLOSE);
        assertEquals(2, registry.lists);

        ModelListing hourly = new ModelListing(registry, clock, Duration.ofHours(24));
        clock.set(Instant.parse("2025-07-01T23:00:00Z"));
        hourly.list(BTC_1H, Target.CLOSE);
        clock.set(Instant.parse("2025-07-01T23:59:59Z"));
        hourly.list(BTC_1H, Target.CLOSE);
        assertEquals(3, registry.lists, "within the 23:00 hour");
        clock.set(Instant.parse("2025-07-02T00:00:00Z"));           // the 23:00 candle closed
        hourly.list(BTC_1H, Target.CLOSE);
        assertEquals(4, registry.lists);
    }

    @Test
    void eachSeriesAndTargetHasItsOwnListingAndTheCliStillReadsEveryTime() {
        ModelListing listing = new ModelListing(registry, clock, Duration.ofMinutes(5));
        listing.list(BTC_1D, Target.CLOSE);
        listing.list(BTC_1D, Target.VOLUME);
        listing.list(BTC_1H, Target.CLOSE);
        listing.list(BTC_1D, Target.CLOSE);
        assertEquals(3, registry.lists);

        ModelListing uncached = new ModelListing(registry);
        uncached.list(BTC_1D, Target.CLOSE);
        uncached.list(BTC_1D, Target.CLOSE);
        assertEquals(5, registry.lists);
    }
}
