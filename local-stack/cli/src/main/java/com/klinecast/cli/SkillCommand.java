package com.klinecast.cli;

import com.klinecast.core.ledger.LiveSkill;
import com.klinecast.core.ledger.SkillReport;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The live record from the forecast ledger: the numbers {@code GET /skill} answers with. */
@Command(name = "skill", mixinStandardHelpOptions = true,
        description = "The served forecasts' live record from the ledger the daily run keeps: per horizon over the "
                + "trailing 30, 90 and 365 days and each version's time serving, matured forecasts, MASE against "
                + "naive on the same origins with the HLN-DM p-value, band coverage and pinball loss (for "
                + "volatility: QLIKE and MSE over naive volatility's, the DM p-value on QLIKE).")
final class SkillCommand implements Callable<Integer> {

    /** Horizons the text table shows (the JSON has every one). */
    private static final int[] SHOWN = {1, 7, 30};

    @ParentCommand
    Klinecast root;

    @Mixin
    SeriesOptions options;

    @Option(names = "--target", defaultValue = "close",
            description = "close, volume or volatility; default ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--json", description = "Print the report as JSON (the body of GET /skill).")
    boolean json;

    @Override
    public Integer call() {
        Series series = options.series();
        Target t = Target.of(target);
        try (LocalStack stack = LocalStack.start(root)) {
            Optional<SkillReport> report = new LiveSkill(LocalLedger.ledger(stack)).report(series, t);
            if (report.isEmpty()) {
                System.err.println(series + " has no " + t.code() + " ledger: the daily run records one forecast a "
                        + "day once the series has a champion (klinecast daily, or klinecast replay)");
                return 1;
            }
            if (json) {
                System.out.println(Reports.toJson(report.get()));
            } else if (t == Target.VOLATILITY) {
                printVolatility(series, report.get());
            } else {
                print(series, report.get());
            }
            return 0;
        }
    }

    private static void print(Series series, SkillReport report) {
        System.out.printf("%s %s: live record to %s, served forecasts against naive on the same origins%n", series,
                report.target(), report.asOf());
        System.out.printf("%-11s %3s %8s %7s %7s %6s %6s %6s %10s%n", "WINDOW", "H", "MATURED", "MASE", "DM p",
                "COV50", "COV80", "COV90", "PINBALL");
        for (SkillReport.Window w : report.windows()) {
            for (int h : SHOWN) {
                SkillReport.HorizonSkill s = w.at(h);
                if (s != null) {
                    System.out.printf("%-11s %3d %8d %7s %7s %6s %6s %6s %10s%n", w.window(), h, s.matured(),
                            f(s.mase(), 3), f(s.dmPValue(), 3), f(s.coverage50(), 2), f(s.coverage80(), 2),
                            f(s.coverage90(), 2), f(s.pinball(), 2));
                }
            }
        }
        printVersions(report);
        System.out.println("DM p: one-sided, 'errs less than naive'; MASE below 1 beats naive.");
    }

    private static void printVolatility(Series series, SkillReport report) {
        System.out.printf("%s volatility: live record to %s, served forecasts against naive volatility on the same "
                + "origins%n", series, report.asOf());
        System.out.printf("%-11s %3s %8s %7s %7s %7s%n", "WINDOW", "H", "MATURED", "QLIKE/N", "MSE/N", "DM p");
        for (SkillReport.Window w : report.windows()) {
            for (int h : SHOWN) {
                SkillReport.HorizonSkill s = w.at(h);
                if (s != null) {
                    System.out.printf("%-11s %3d %8d %7s %7s %7s%n", w.window(), h, s.matured(),
                            f(s.qlikeRatio(), 3), f(s.mseRatio(), 3), f(s.dmPValue(), 3));
                }
            }
        }
        printVersions(report);
        System.out.println("DM p: one-sided on QLIKE, 'loses less than naive'; a ratio below 1 beats naive.");
    }

    private static void printVersions(SkillReport report) {
        System.out.println("served:");
        for (SkillReport.VersionSpan v : report.versions()) {
            String how = v.variance() != null ? " (" + v.variance() + " variance)"
                    : v.bandMethod() == null ? "" : " (" + v.bandMethod() + " band)";
            System.out.printf("  v%d %s%s  %s .. %s%n", v.version(), v.family(), how, v.from(), v.to());
        }
    }

    private static String f(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
