package com.klinecast.training.volatility;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.core.volatility.VolatilityMetrics;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.List;
import java.util.Map;

/**
 * The test-split figures of docs/training.md's Volatility section, from the bundled candles without a stack
 * (the same fits and networks {@code train --target volatility} runs): {@code java -cp <test classpath>
 * com.klinecast.training.volatility.VolatilityFigures [parkinson|garman_klass]}.
 */
public final class VolatilityFigures {

    private VolatilityFigures() {
    }

    public static void main(String[] args) {
        VarianceProxy proxy = VarianceProxy.of(args.length > 0 ? args[0] : "parkinson");
        TrainingConfig config = TrainingConfigs.load(null, Map.of("target", "volatility"));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            List<Bar> bars = CsvCandles.read("binance-" + symbol + "-1d.csv", Integer.MAX_VALUE).stream()
                    .map(Bar::of).toList();
            Split split = Split.of(bars.size(), config.validationFraction(), config.testFraction());
            double[] v = proxy.of(bars);
            long[] times = bars.stream().mapToLong(Bar::openTime).toArray();
            List<VolatilityCandidate> candidates = new java.util.ArrayList<>(VolatilityFits.fit(v, times, split,
                    config.horizonArray(), config.maxHorizon()));
            long started = System.nanoTime();
            candidates.addAll(VolatilityNetworks.defaults(System.out::println).fit(v, times, split,
                    config.horizonArray(), config.maxHorizon(), config.seed(), config.epochs()));
            System.out.printf("%s: the networks trained in %.1f s%n", symbol, (System.nanoTime() - started) / 1e9);
            for (VolatilityCandidate c : candidates) {
                StringBuilder row = new StringBuilder("| " + symbol + " | " + c.model().family());
                for (VolatilityMetrics m : c.test().horizons()) {
                    row.append(String.format(" | %.3f / %.3f / %.3g", m.qlikeRatio(), m.mseRatio(), m.dmPValue()));
                }
                System.out.println(row + " |" + (c.validation().isEmpty() ? "" : " " + c.validation())
                        + " test " + c.test().firstOrigin() + " .. " + c.test().lastOrigin());
            }
        }
    }
}
