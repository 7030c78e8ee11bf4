package com.klinecast.training.job;

import com.klinecast.core.series.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs one step per series in turn, so that a series that fails (no data, a store error, a bug) is reported and
 * the others still run. What the training fan-out does on AWS with one task per series, in one process.
 */
public final class EachSeries {

    /** One series' work; any exception fails that series only. */
    @FunctionalInterface
    public interface Step {

        void run(Series series) throws Exception;
    }

    /** The series that ran through and those that failed, with their first message line, in run order. */
    public record Outcome(List<Series> done, Map<Series, String> failed) {

        public Outcome {
            done = List.copyOf(done);
            failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        }

        public boolean allDone() {
            return failed.isEmpty();
        }

        /** One line naming each failed series and why, e.g. for the exit of a command or a task. */
        public String failureLine() {
            return failed.size() + " of " + (done.size() + failed.size()) + " series failed: "
                    + failed.entrySet().stream().map(e -> e.getKey().id() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", "));
        }
    }

    private EachSeries() {
    }

    /** @param log receives one line per failed series as it fails */
    public static Outcome run(List<Series> series, Step step, Consumer<String> log) {
        List<Series> done = new ArrayList<>();
        Map<Series, String> failed = new LinkedHashMap<>();
        for (Series s : series) {
            try {
                step.run(s);
                done.add(s);
            } catch (Exception e) {
                String why = firstLine(e);
                failed.put(s, why);
                log.accept(s.id() + " failed, going on with the other series: " + why);
            }
        }
        return new Outcome(done, failed);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int end = message.indexOf('\n');
        return end < 0 ? message.strip() : message.substring(0, end).strip();
    }
}
