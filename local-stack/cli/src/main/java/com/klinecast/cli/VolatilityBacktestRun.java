package com.klinecast.cli;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.volatility.PublishedVolatility;
import com.klinecast.core.volatility.VolatilityBacktest;
import com.klinecast.core.volatility.VolatilityForecasts;
import com.klinecast.core.volatility.VolatilityReport;
import com.klinecast.training.volatility.VolatilitySeries;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code backtest --target volatility}: a volatility version over any window after its validation split. */
final class VolatilityBacktestRun {

    private VolatilityBacktestRun() {
    }

    static void run(FeatureTable table, Series series, ModelManifest manifest, List<Bar> bars, int fromIndex,
            int toIndex, int[] horizons, boolean json) {
        PublishedVolatility model = PublishedVolatility.of(manifest);
        if (fromIndex < bars.size() && bars.get(fromIndex).openTime() <= model.validatedUntil().toEpochMilli()) {
            throw new IllegalArgumentException("--from is inside version " + manifest.version() + "'s training or "
                    + "validation range (up to " + model.validatedUntil() + "): such origins say nothing of its skill");
        }
        // A version that measured days from their hours reads them so here too.
        List<Bar> hourly = model.realized()
                ? VolatilitySeries.read(table, series, model.proxy()).hourly() : List.of();
        double[] variance = model.variance(bars, hourly);
        long[] openTimes = bars.stream().mapToLong(Bar::openTime).toArray();
        int maxH = Arrays.stream(horizons).max().orElse(1);
        VolatilityForecasts forecasts = VolatilityForecasts.of(model.model(), variance, fromIndex, toIndex, maxH);
        if (forecasts.origins().length == 0) {
            throw new IllegalArgumentException("no origin in that window");
        }
        VolatilityReport report = VolatilityBacktest.evaluate(variance, openTimes, forecasts, horizons);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", manifest.version());
            out.put("target", "volatility");
            out.put("family", model.model().family());
            out.put("variance", model.proxy().code());
            out.put("realized", model.realized() ? PublishedVolatility.REALIZED_1H : "none");
            out.put("firstOrigin", report.firstOrigin());
            out.put("lastOrigin", report.lastOrigin());
            out.put("origins", report.origins());
            out.put("horizons", report.horizons());
            System.out.println(Reports.toJson(out));
            return;
        }
        System.out.printf("%s volatility version %d (%s, %s variance), origins %s .. %s (%d):%n", series,
                manifest.version(), model.model().family(), model.proxy().code(), report.firstOrigin(),
                report.lastOrigin(), report.origins());
        VolatilityTable.print(report);
    }
}
