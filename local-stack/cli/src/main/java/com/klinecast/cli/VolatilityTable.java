package com.klinecast.cli;

import com.klinecast.core.volatility.VolatilityMetrics;
import com.klinecast.core.volatility.VolatilityReport;

/** A volatility backtest per horizon for people: QLIKE and MSE beside naive volatility, the HLN-DM p on QLIKE. */
final class VolatilityTable {

    private VolatilityTable() {
    }

    static void print(VolatilityReport report) {
        System.out.printf("%7s %7s %10s %10s %11s %9s %8s%n", "horizon", "origins", "QLIKE", "naive", "QLIKE ratio",
                "MSE ratio", "DM p");
        for (VolatilityMetrics m : report.horizons()) {
            System.out.printf("%7d %7d %10.4f %10.4f %11.3f %9.3f %8.3g%n", m.horizon(), m.origins(), m.qlike(),
                    m.naiveQlike(), m.qlikeRatio(), m.mseRatio(), m.dmPValue());
        }
        System.out.println("ratios below 1 beat naive volatility (the last day's variance repeated); DM p: one-sided "
                + "HLN-DM on the QLIKE differential.");
    }
}
