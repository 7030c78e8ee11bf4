package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The live skill of a series' target from its ledger: one service behind {@code GET /skill}, {@code klinecast
 * skill}, the daily run's metrics and the fallback, so they all report the same numbers.
 */
public final class LiveSkill {

    /** The trailing windows, in days. */
    public static final int[] TRAILING_DAYS = {30, 90, 365};

    private final Ledger ledger;

    public LiveSkill(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The full report, or empty when the series' target has no ledger entry. */
    public Optional<SkillReport> report(Series series, Target target) {
        List<LedgerEntry> entries = ledger.entries(series, target, 0, Long.MAX_VALUE);
        return entries.isEmpty() ? Optional.empty() : Optional.of(of(series, target, entries));
    }

    /** The report over {@code entries} (oldest first, not empty). */
    public static SkillReport of(Series series, Target target, List<LedgerEntry> entries) {
        long asOf = entries.get(entries.size() - 1).origin();
        int horizons = entries.stream().mapToInt(LedgerEntry::horizons).max().orElse(0);
        List<SkillReport.Window> windows = new ArrayList<>();
        for (int days : TRAILING_DAYS) {
            windows.add(trailing(entries, asOf, days, horizons));
        }
        List<SkillReport.VersionSpan> spans = spans(entries);
        Map<Integer, List<LedgerEntry>> byVersion = new LinkedHashMap<>();
        entries.forEach(e -> byVersion.computeIfAbsent(e.version(), v -> new ArrayList<>()).add(e));
        byVersion.forEach((version, made) -> {
            String name = "version " + version;
            int max = made.stream().mapToInt(LedgerEntry::horizons).max().orElse(0);
            windows.add(new SkillReport.Window(name, iso(made.get(0).origin()),
                    iso(made.get(made.size() - 1).origin()), skill(name, made, max, s -> true)));
        });
        return new SkillReport(series.symbol(), series.interval().code(), target.code(), iso(asOf), windows, spans);
    }

    /** Forecasts whose candle opened in the {@code days} up to {@code asOf} (after its start, up to it). */
    static SkillReport.Window trailing(List<LedgerEntry> entries, long asOf, int days, int horizons) {
        long from = asOf - Duration.ofDays(days).toMillis();
        String name = days + "d";
        return new SkillReport.Window(name, iso(from), iso(asOf),
                skill(name, entries, horizons, s -> s.targetTime() > from && s.targetTime() <= asOf));
    }

    private static List<SkillReport.HorizonSkill> skill(String window, List<LedgerEntry> entries, int horizons,
            Predicate<Score> in) {
        List<SkillReport.HorizonSkill> out = new ArrayList<>(horizons);
        for (int h = 1; h <= horizons; h++) {
            out.add(matured(entries, h, in).skill(window));
        }
        return out;
    }

    static Matured matured(List<LedgerEntry> entries, int h, Predicate<Score> in) {
        Matured matured = new Matured(h, !entries.isEmpty() && entries.get(0).target() == Target.VOLATILITY);
        for (LedgerEntry e : entries) {
            Score s = e.scores().get(h);
            if (s != null && in.test(s)) {
                matured.add(s);
            }
        }
        return matured;
    }

    private static List<SkillReport.VersionSpan> spans(List<LedgerEntry> entries) {
        List<SkillReport.VersionSpan> out = new ArrayList<>();
        LedgerEntry first = entries.get(0);
        LedgerEntry last = first;
        for (LedgerEntry e : entries.subList(1, entries.size())) {
            if (e.version() != first.version()) {
                out.add(span(first, last));
                first = e;
            }
            last = e;
        }
        out.add(span(first, last));
        return out;
    }

    private static SkillReport.VersionSpan span(LedgerEntry first, LedgerEntry last) {
        return new SkillReport.VersionSpan(first.version(), first.family(), first.band(), iso(first.origin()),
                iso(last.origin()), first.variance() == null ? null : first.variance().toString());
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
