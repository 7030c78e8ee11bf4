package com.klinecast.cli;

import com.klinecast.core.testing.BundledData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The CLI run in-process on the bundled replay: its exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code klinecast --data-dir DIR --replay-dir BUNDLED args...}. */
    static CliRun in(String dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir, "--replay-dir",
                BundledData.dir().toString()));
        all.addAll(List.of(args));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            int code = Klinecast.run(all.toArray(String[]::new));
            return new CliRun(code, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Standard error as lines, for the "one line, no stack trace" promise. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
