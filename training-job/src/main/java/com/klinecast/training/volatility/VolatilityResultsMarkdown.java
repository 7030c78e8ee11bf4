package com.klinecast.training.volatility;

import com.klinecast.core.champion.HorizonEvidence;
import com.klinecast.core.volatility.VolatilityMetrics;
import com.klinecast.core.volatility.VolatilityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The volatility results as Markdown: per series, the test split's QLIKE and MSE ratios against naive volatility
 * with the HLN-DM p-value on QLIKE, per model and horizon, the champion marked, then how the rule got there.
 */
public final class VolatilityResultsMarkdown {

    public static final String START = "<!-- volatility-results:start -->";
    public static final String END = "<!-- volatility-results:end -->";

    private VolatilityResultsMarkdown() {
    }

    public static String render(List<VolatilityResults> all, int[] horizons) {
        StringBuilder md = new StringBuilder();
        for (VolatilityResults r : all) {
            md.append(table(r, horizons)).append('\n');
        }
        return md.toString();
    }

    static String table(VolatilityResults results, int[] horizons) {
        VolatilityReport first = results.candidates().get(0).test();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "**%s %s volatility**, test origins %s .. %s (%d), %s variance%s. Each cell: QLIKE ratio / MSE "
                        + "ratio against naive volatility (below 1 beats it), and the one-sided HLN-DM p-value of "
                        + "beating it on QLIKE. The champion rule serves **%s**.%n%n",
                results.series().symbol(), results.series().interval().code(), day(first.firstOrigin()),
                day(first.lastOrigin()), first.origins(), results.variance(), realized(results),
                results.champion()));
        List<String> header = new ArrayList<>(List.of("model", "chosen on validation"));
        for (int h : horizons) {
            header.add("h" + h + " QLIKE / MSE");
            header.add("DM p");
        }
        row(md, header);
        md.append("|---".repeat(header.size())).append("|\n");
        for (VolatilityCandidate c : results.candidates()) {
            if (!first.firstOrigin().equals(c.test().firstOrigin()) || first.origins() != c.test().origins()) {
                throw new IllegalStateException(c.model().family() + " was tested on other origins than naive: the "
                        + "columns would not compare");
            }
            String family = c.model().family();
            List<String> cells = new ArrayList<>(List.of(family.equals(results.champion())
                    ? "**" + family + "** (champion)" : family, chosen(c)));
            for (int h : horizons) {
                VolatilityMetrics m = c.test().at(h);
                cells.add(String.format(Locale.ROOT, "%.3f / %.3f", m.qlikeRatio(), m.mseRatio()));
                cells.add(Double.isNaN(m.dmPValue()) || family.equals("naive") ? "-" : p(m.dmPValue()));
            }
            row(md, cells);
        }
        md.append('\n');
        for (VolatilityResults.Decision d : results.decisions()) {
            md.append("- ").append(d.challenger()).append(d.verdict().promote() ? " replaces " : " does not replace ")
                    .append(d.champion()).append(": ");
            List<String> parts = new ArrayList<>();
            for (HorizonEvidence e : d.verdict().horizons()) {
                parts.add(String.format(Locale.ROOT, "h%d QLIKE ratio %.3f, p better %s, p worse %s", e.horizon(),
                        e.relativeMae(), p(e.pBetter()), p(e.pWorse())));
            }
            md.append(String.join("; ", parts)).append(" (Holm-corrected)\n");
        }
        return md.toString();
    }

    private static String realized(VolatilityResults results) {
        VolatilityResults.RealizedDaysInfo r = results.realized();
        return r.days() == 0 ? ", every day from its own candle" : String.format(Locale.ROOT,
                "; %d days (%s .. %s) measured from their 24 hourly candles", r.days(), r.first(), r.last());
    }

    private static String chosen(VolatilityCandidate c) {
        Object scale = c.validation().get("scale");
        return scale == null ? "-" : scale + " scale";
    }

    private static String p(double p) {
        return p >= 0.01 ? String.format(Locale.ROOT, "%.2f", p) : String.format(Locale.ROOT, "%.0e", p);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String day(String iso) {
        return iso.substring(0, 10);
    }
}
