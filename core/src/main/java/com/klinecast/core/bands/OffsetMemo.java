package com.klinecast.core.bands;

import com.klinecast.core.forecast.Bar;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bands' offsets after each bar of one series, each computed once: an adaptive band replays its base over the
 * origins before every forecast, so scoring consecutive origins would otherwise recompute the same offsets hundreds
 * of times. Offsets at a horizon do not depend on how many horizons are asked for, so all are kept.
 */
final class OffsetMemo {

    private final List<Bar> bars;
    private final int maxHorizon;
    private final Map<Band, Map<Integer, double[][]>> byBand = new IdentityHashMap<>();

    OffsetMemo(List<Bar> bars, int maxHorizon) {
        this.bars = bars;
        this.maxHorizon = maxHorizon;
    }

    /** The band's offsets for horizons 1..maxHorizon after bar {@code origin}. */
    double[][] at(Band band, int origin) {
        if (band instanceof Adaptive adaptive) {
            return adaptive.offsets(bars.subList(0, origin + 1), maxHorizon, s -> kept(adaptive.base(), s));
        }
        return kept(band, origin);
    }

    private double[][] kept(Band band, int origin) {
        return byBand.computeIfAbsent(band, b -> new HashMap<>())
                .computeIfAbsent(origin, o -> band.offsets(bars.subList(0, o + 1), maxHorizon));
    }
}
