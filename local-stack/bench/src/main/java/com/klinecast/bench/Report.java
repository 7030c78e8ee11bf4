package com.klinecast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's table: sections of rows, each a figure with its floor (measured in the same run), their ratio,
 * the target and whether it was met; printed as text and written as Markdown.
 */
public final class Report {

    /** Marks where hand-written notes start in BENCHMARKS.md; a run keeps everything after it. */
    public static final String NOTES_MARKER = "<!-- notes: written by hand, kept by every run of ./klinecast bench -->";

    /** Whether a row's target was met; NONE where the row has no target. */
    public enum Verdict {
        MET("met"), MISSED("MISSED"), NONE("");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    /** One figure. */
    public record Row(String figure, String measured, String floor, String ratio, String target, Verdict verdict) {
    }

    /** A titled group of rows, with a line under it saying how they were measured. */
    public record Section(String title, String method, List<Row> rows) {
    }

    private final List<Section> sections = new ArrayList<>();
    private Section current;

    public Report section(String title, String method) {
        current = new Section(title, method, new ArrayList<>());
        sections.add(current);
        return this;
    }

    public Report row(String figure, String measured, String floor, String ratio, String target, Verdict verdict) {
        current.rows().add(new Row(figure, measured, floor, ratio, target, verdict));
        return this;
    }

    public Report row(String figure, String measured) {
        return row(figure, measured, "", "", "", Verdict.NONE);
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Row> targets() {
        return sections.stream().flatMap(s -> s.rows().stream()).filter(r -> r.verdict() != Verdict.NONE).toList();
    }

    /** The table as fixed-width text. */
    public String text() {
        int[] w = {6, 8, 5, 5, 6};
        for (Section s : sections) {
            for (Row r : s.rows()) {
                w[0] = Math.max(w[0], r.figure().length());
                w[1] = Math.max(w[1], r.measured().length());
                w[2] = Math.max(w[2], r.floor().length());
                w[3] = Math.max(w[3], r.ratio().length());
                w[4] = Math.max(w[4], r.target().length());
            }
        }
        String format = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %-" + w[4] + "s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "figure", "measured", "floor", "ratio", "target", ""));
        for (Section s : sections) {
            out.append(System.lineSeparator()).append(s.title()).append(System.lineSeparator());
            for (Row r : s.rows()) {
                out.append(String.format(Locale.ROOT, format, r.figure(), r.measured(), r.floor(), r.ratio(),
                        r.target(), r.verdict().text));
            }
        }
        return out.toString();
    }

    /** The table as Markdown: one table per section, its method under it. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (Section s : sections) {
            out.append("### ").append(s.title()).append("\n\n");
            out.append("| figure | measured | floor (same run) | ratio | target | |\n|---|---|---|---|---|---|\n");
            for (Row r : s.rows()) {
                out.append("| ").append(cell(r.figure())).append(" | ").append(cell(r.measured())).append(" | ")
                        .append(cell(r.floor())).append(" | ").append(cell(r.ratio())).append(" | ")
                        .append(cell(r.target())).append(" | ")
                        .append(r.verdict() == Verdict.MISSED ? "**missed**" : r.verdict().text).append(" |\n");
            }
            out.append('\n').append(s.method()).append("\n\n");
        }
        return out.toString();
    }

    /** Writes {@code generated} to {@code file}, keeping whatever followed {@link #NOTES_MARKER} there. */
    public static void write(Path file, String generated) {
        try {
            String notes = NOTES_MARKER + "\n";
            if (Files.isRegularFile(file)) {
                String old = Files.readString(file, StandardCharsets.UTF_8);
                int at = old.indexOf(NOTES_MARKER);
                if (at >= 0) {
                    notes = old.substring(at);
                }
            }
            Files.writeString(file, generated + notes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** 12,345 */
    public static String n(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** value with {@code decimals} decimals. */
    public static String d(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** "median (min–max)" of rates or times. */
    public static String stats(IngestBenchmark.Stats s, int decimals) {
        return d(s.median(), decimals) + " (" + d(s.min(), decimals) + "–" + d(s.max(), decimals) + ")";
    }
}
