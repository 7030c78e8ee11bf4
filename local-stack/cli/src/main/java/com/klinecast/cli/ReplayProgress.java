package com.klinecast.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;

/** The replay's progress on standard error: a bar redrawn in place on a terminal, a line every 30 days otherwise. */
final class ReplayProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int days;
    private final long started = System.nanoTime();

    ReplayProgress(PrintStream out, boolean terminal, int days) {
        this.out = out;
        this.terminal = terminal;
        this.days = days;
    }

    void day(int done, LocalDate day, int recorded, int trainings) {
        double share = days == 0 ? 1 : (double) done / days;
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        long eta = done == 0 ? 0 : Math.round(elapsed * (days - done) / (double) done);
        String text = done + "/" + days + " days, " + day + ", " + recorded + " forecasts recorded, " + trainings
                + " trainings, " + elapsed + " s, ETA " + eta + " s";
        if (terminal) {
            int filled = (int) Math.round(WIDTH * share);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + text);
            if (done == days) {
                out.println();
            }
            out.flush();
        } else if (done % 30 == 0 || done == days) {
            out.println("replay: " + text);
        }
    }

    void note(String line) {
        if (terminal) {
            out.print("\r");
        }
        out.println(line);
    }
}
