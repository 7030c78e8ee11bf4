package com.klinecast.training.results;

import com.klinecast.core.evaluation.BacktestReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The README's results: per series a Markdown table of MASE on the test split by horizon, naive first (1.000 by
 * definition), then each candidate; then a line per candidate on where its settings come from.
 */
public final class ResultsMarkdown {

    public static final String START = "<!-- results:start -->";
    public static final String END = "<!-- results:end -->";

    private ResultsMarkdown() {
    }

    public static String render(List<SeriesResults> all, int[] horizons) {
        StringBuilder md = new StringBuilder();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (SeriesResults series : all) {
            md.append(table(series, horizons)).append('\n');
            series.results().forEach(r -> candidates.putIfAbsent(r.candidate().name(), r.candidate()));
        }
        candidates.values().forEach(c -> md.append("- `").append(c.name()).append("`: ").append(c.about())
                .append('\n'));
        return md.toString();
    }

    static String table(SeriesResults series, int[] horizons) {
        BacktestReport first = series.results().get(0).test();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "**%s %s**, test origins %s .. %s, MASE vs naive (below 1 beats it):%n%n",
                series.series().symbol(), series.series().interval().code(), day(first.firstOrigin()),
                day(first.lastOrigin())));
        List<String> header = new ArrayList<>(List.of("model"));
        for (int h : horizons) {
            header.add("h" + h);
        }
        row(md, header);
        md.append("|---".repeat(header.size())).append("|\n");
        List<String> naive = new ArrayList<>(List.of("naive (last close)"));
        for (int h : horizons) {
            naive.add("1.000");
        }
        row(md, naive);
        for (CandidateResult r : series.results()) {
            if (!first.firstOrigin().equals(r.test().firstOrigin()) || first.origins() != r.test().origins()) {
                throw new IllegalStateException(r.candidate().name() + " was tested on other origins than "
                        + series.results().get(0).candidate().name() + ": the columns would not compare");
            }
            List<String> cells = new ArrayList<>(List.of(r.candidate().name()));
            for (int h : horizons) {
                cells.add(String.format(Locale.ROOT, "%.3f", r.test().at(h).mase()));
            }
            row(md, cells);
        }
        return md.toString();
    }

    /** {@code readme} with everything between the two markers replaced by {@code content}. */
    public static String intoReadme(String readme, String content) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the README has no " + START + " ... " + END + " section");
        }
        return readme.substring(0, start + START.length()) + "\n" + content + readme.substring(end);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String day(String iso) {
        return iso.substring(0, 10);
    }
}
