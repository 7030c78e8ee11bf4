package com.klinecast.training.results;

import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.evaluation.HorizonMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The README's results: per series a Markdown table of the test split's evidence by horizon (MASE with its
 * interval, DM p-value, band coverage and pinball skill), naive and drift first, then each candidate, the champion
 * the rule would serve marked; then a line per candidate on where its settings come from.
 */
public final class ResultsMarkdown {

    public static final String START = "<!-- results:start -->";
    public static final String END = "<!-- results:end -->";

    private ResultsMarkdown() {
    }

    public static String render(List<SeriesResults> all, int[] horizons) {
        StringBuilder md = new StringBuilder("On each series' test origins: MASE vs naive [95% interval], DM p of "
                + "beating naive, 80% coverage [95% interval], pinball skill vs the static band.\n\n");
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (SeriesResults series : all) {
            md.append(table(series, horizons)).append('\n');
            series.results().forEach(r -> candidates.putIfAbsent(r.candidate().name(), r.candidate()));
        }
        candidates.values().forEach(c -> md.append("- `").append(c.name()).append("`: ").append(c.about())
                .append('\n'));
        return md.toString();
    }

    /** " Band: b." when one band serves every model, else each band with the models it serves. */
    private static String bandLine(Map<String, List<String>> bands, int models) {
        if (bands.isEmpty()) {
            return "";
        }
        if (bands.size() == 1 && bands.values().iterator().next().size() == models) {
            return " Band: " + bands.keySet().iterator().next() + ".";
        }
        List<String> parts = new ArrayList<>();
        bands.forEach((band, names) -> parts.add(band + " (" + String.join(", ", names) + ")"));
        return " Bands: " + String.join("; ", parts) + ".";
    }

    static String table(SeriesResults series, int[] horizons) {
        BacktestReport first = series.results().get(0).test();
        // Bands are named above the table, each with the models it serves: a column would repeat them on every row.
        Map<String, List<String>> bands = new LinkedHashMap<>();
        for (CandidateResult r : series.results()) {
            if (r.band() != null) {
                bands.computeIfAbsent(r.band(), b -> new ArrayList<>()).add(r.candidate().name());
            }
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "**%s %s**, test origins %s .. %s.%s%s%n%n",
                series.series().symbol(), series.series().interval().code(), day(first.firstOrigin()),
                day(first.lastOrigin()), bandLine(bands, series.results().size()), series.champion() == null ? ""
                        : " The champion rule serves **" + series.champion() + "**."));
        List<String> header = new ArrayList<>(List.of("model"));
        for (int h : horizons) {
            header.addAll(List.of("h" + h + " MASE", "DM p", "cov80", "skill"));
        }
        row(md, header);
        md.append("|---".repeat(header.size())).append("|\n");
        for (CandidateResult r : series.results()) {
            if (!first.firstOrigin().equals(r.test().firstOrigin()) || first.origins() != r.test().origins()) {
                throw new IllegalStateException(r.candidate().name() + " was tested on other origins than "
                        + series.results().get(0).candidate().name() + ": the columns would not compare");
            }
            String name = r.candidate().name().equals(series.champion()) ? "**" + r.candidate().name()
                    + "** (champion)" : r.candidate().name();
            List<String> cells = new ArrayList<>(List.of(name));
            for (int h : horizons) {
                HorizonMetrics m = r.test().at(h);
                // naive against itself has an interval of one point: printing it would say nothing
                boolean point = Double.isNaN(m.maseLow()) || m.maseLow() == m.maseHigh();
                cells.add(point ? String.format(Locale.ROOT, "%.3f", m.mase())
                        : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", m.mase(), m.maseLow(), m.maseHigh()));
                cells.add(Double.isNaN(m.dmPValue()) ? "-" : String.format(Locale.ROOT, "%.2f", m.dmPValue()));
                cells.add(coverage(m));
                cells.add(m.pinballSkill() == null ? "-" : String.format(Locale.ROOT, "%+.3f", m.pinballSkill()));
            }
            row(md, cells);
        }
        return md.toString();
    }

    private static String coverage(HorizonMetrics m) {
        if (m.coverage80() == null) {
            return "-";
        }
        String share = String.format(Locale.ROOT, "%.1f%%", 100 * m.coverage80());
        return m.coverage80Low() == null ? share : share + String.format(Locale.ROOT, " [%.0f, %.0f]",
                100 * m.coverage80Low(), 100 * m.coverage80High());
    }

    /** {@code readme} with everything between the two markers replaced by {@code content}. */
    public static String intoReadme(String readme, String content) {
        return between(readme, START, END, content);
    }

    /** {@code text} with everything between the markers {@code start} and {@code end} replaced by {@code content}. */
    public static String between(String text, String startMarker, String endMarker, String content) {
        int start = text.indexOf(startMarker);
        int end = text.indexOf(endMarker);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no " + startMarker + " ... " + endMarker + " section to write into");
        }
        return text.substring(0, start + startMarker.length()) + "\n" + content + text.substring(end);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String day(String iso) {
        return iso.substring(0, 10);
    }
}
