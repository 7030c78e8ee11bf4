package com.klinecast.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A separate process under measurement: its output lines, each with the time it arrived, its wall time, and its
 * peak resident set (VmHWM of /proc/PID/status, read every 20 ms while it runs; a high-water mark, so the last
 * read holds the peak up to then).
 */
public final class Child {

    /** One line of the child's output (stdout and stderr merged), at {@code seconds} after the spawn. */
    public record Line(double seconds, String text) {
    }

    /** What a child did. */
    public record Result(int exit, double wallSeconds, long peakRssKb, List<Line> lines) {

        public double peakRssMb() {
            return peakRssKb / 1024.0;
        }

        /** Seconds from the spawn to the first line matching, if any. */
        public Optional<Double> secondsTo(Predicate<String> line) {
            return lines.stream().filter(l -> line.test(l.text())).map(Line::seconds).findFirst();
        }

        public Optional<String> firstLine(Predicate<String> line) {
            return lines.stream().map(Line::text).filter(line).findFirst();
        }

        public String output() {
            StringBuilder out = new StringBuilder();
            lines.forEach(l -> out.append(l.text()).append('\n'));
            return out.toString();
        }

        /** Throws, with the output, unless the child exited 0. */
        public Result requireSuccess(String what) {
            if (exit != 0) {
                throw new IllegalStateException(what + " failed (exit " + exit + "):\n" + output());
            }
            return this;
        }
    }

    private Child() {
    }

    /** The JVM running this benchmark, to start the children with. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The jar this code runs from (the benchmarks' shaded jar), or the launcher's path to it. */
    public static Path ownJar() {
        try {
            Path here = Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(here)) {
                return here;
            }
        } catch (Exception e) {
            // fall through
        }
        return Project.home().resolve("local-stack/bench/target/klinecast-bench.jar");
    }

    /** This JVM's peak resident set in MB, or "?" where /proc cannot tell. */
    public static String ownPeakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .map(String::valueOf).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    public static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        List<Line> lines = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Thread reader = new Thread(() -> read(process.getInputStream(), lines, started), "child-output");
        reader.setDaemon(true);
        reader.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        long deadline = started + timeout.toNanos();
        try {
            while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, vmHwmKb(status));
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " ran longer than " + timeout);
                }
            }
            double wall = (System.nanoTime() - started) / 1e9;
            reader.join(5_000);
            synchronized (lines) {
                return new Result(process.exitValue(), wall, peak, List.copyOf(lines));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A class path of the given jars or directories. */
    public static String classPath(Path... entries) {
        List<String> parts = new ArrayList<>();
        for (Path p : entries) {
            parts.add(p.toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    /** The value after {@code key} in a probe's "key value key value" line. */
    public static double field(String line, String key) {
        String[] words = line.trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(key)) {
                return Double.parseDouble(words[i + 1]);
            }
        }
        throw new IllegalStateException("no '" + key + "' in: " + line);
    }

    private static void read(InputStream in, List<Line> lines, long started) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(new Line((System.nanoTime() - started) / 1e9, line));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // exited between the check and the read
        }
        return 0;
    }
}
