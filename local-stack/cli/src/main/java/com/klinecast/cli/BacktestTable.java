package com.klinecast.cli;

import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.evaluation.HorizonMetrics;

/**
 * A backtest per horizon for people: MAE and MAPE beside naive's, MASE with its interval and DM p-value, direction,
 * the band's scores.
 */
final class BacktestTable {

    private BacktestTable() {
    }

    static void print(BacktestReport report) {
        System.out.printf("%7s %7s %12s %12s %7s %7s %7s %15s %8s %11s %7s %6s %6s %6s %8s %8s %15s%n", "horizon", "origins",
                "MAE", "naive MAE", "MAPE%", "naive%", "MASE", "95% interval", "DM p", "direction", "dir p", "cov50",
                "cov80", "cov90", "Kupiec p", "skill", "cov80 interval");
        for (HorizonMetrics m : report.horizons()) {
            System.out.printf("%7d %7d %12.2f %12.2f %7.3f %7.3f %7.3f %7.3f..%-6.3f %8.3f %5.1f/%4.1f %7.3f "
                    + "%6s %6s %6s %8s %8s %15s%n", m.horizon(), m.origins(), m.mae(), m.naiveMae(), m.mape(),
                    m.naiveMape(), m.mase(), m.maseLow(), m.maseHigh(), m.dmPValue(), 100 * m.directionAccuracy(),
                    100 * m.directionBaseRate(), m.directionPValue(), percent(m.coverage50()),
                    percent(m.coverage80()), percent(m.coverage90()), number(m.kupiecPValue80()),
                    number(m.pinballSkill()), m.coverage80Low() == null ? "-"
                            : percent(m.coverage80Low()) + ".." + percent(m.coverage80High()));
        }
        System.out.println("MAPE%: mean absolute percentage error (the model's, naive's). MASE < 1 beats naive; its "
                + "95% block-bootstrap interval and the one-sided HLN-DM p-value say whether that is evidence. "
                + "direction: % right / base rate; cov: share of actuals inside the 50/80/90% band (cov80 with its 95% "
                + "block-bootstrap interval); skill: pinball skill against the static random-walk band.");
    }

    private static String percent(Double share) {
        return share == null ? "-" : String.format("%.1f", 100 * share);
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format("%.3f", value);
    }
}
