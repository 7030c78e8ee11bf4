package com.klinecast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The machine a benchmark ran on, from /proc and the JVM. */
public record Machine(int cores, String cpuModel, String cpuMhz, String vectorFlags, double ramGib, String java,
        String os) {

    public static Machine detect() {
        List<String> cpuinfo = lines("/proc/cpuinfo");
        String model = value(cpuinfo, "model name");
        String mhz = value(cpuinfo, "cpu MHz");
        String flags = value(cpuinfo, "flags");
        String vector = Stream.of(flags.split("\\s+")).filter(f -> f.equals("sse4_2") || f.equals("avx")
                || f.equals("avx2") || f.equals("fma") || f.equals("avx512f")).distinct()
                .collect(Collectors.joining(" "));
        String memTotal = value(lines("/proc/meminfo"), "MemTotal").replaceAll("\\D", "");
        double ram = memTotal.isEmpty() ? Double.NaN : Long.parseLong(memTotal) / 1024.0 / 1024.0;
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new Machine(Runtime.getRuntime().availableProcessors(), model.isEmpty() ? "unknown" : model,
                mhz.isEmpty() ? "unknown" : mhz, vector.isEmpty() ? "none listed" : vector, ram, java, os);
    }

    /** /proc/loadavg's 1, 5 and 15-minute load averages, e.g. "0.42 0.61 0.88". */
    public static String loadAverage() {
        List<String> load = lines("/proc/loadavg");
        if (load.isEmpty()) {
            return "unknown";
        }
        String[] f = load.get(0).trim().split("\\s+");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : load.get(0);
    }

    /** The 1-minute load average, or NaN. */
    public static double load1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public String ramText() {
        return String.format(Locale.ROOT, "%.1f GiB", ramGib);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String value(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
