package com.klinecast.bench;

import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One training run of the reference LSTM (training-default.json) on BTCUSDT 1d, as {@code ./klinecast train} runs
 * it: its own JVM with the launcher's flags, on a data dir that already holds the series. Reads the windows and the per-epoch
 * times from its output; counts the floating-point work of an epoch from the layer sizes.
 */
public final class TrainingBenchmark {

    private static final Pattern WINDOWS = Pattern.compile("(\\d+) training, (\\d+) validation windows");
    private static final Pattern EPOCH = Pattern.compile("^epoch\\s+(\\d+)/(\\d+)\\s.*\\s([0-9.]+) s\\s+ETA");

    /** What the run did. */
    public record Result(double wallSeconds, double rssMb, int trainWindows, int validationWindows,
            List<Double> epochSeconds, int maxEpochs, double forwardFlopsPerWindow) {

        public int epochs() {
            return epochSeconds.size();
        }

        public double loopSeconds() {
            return epochSeconds.stream().mapToDouble(d -> d).sum();
        }

        /** Training windows passed forward and backward per second, over all epochs (validation included in time). */
        public double samplesPerSecond() {
            return (double) trainWindows * epochs() / loopSeconds();
        }

        /** FLOPs of one epoch: forward + backward (~3x forward) over the training windows, forward on validation. */
        public double flopsPerEpoch() {
            return forwardFlopsPerWindow * (3.0 * trainWindows + validationWindows);
        }

        public double gflopsPerSecond() {
            return flopsPerEpoch() / (loopSeconds() / epochs()) / 1e9;
        }
    }

    private TrainingBenchmark() {
    }

    /**
     * Multiply-adds of the dense parts, 2 FLOPs each, bias counted as one more input: per LSTM layer and time step
     * 4 gates x (inputs + hidden + 1) x hidden x 2; the output layer (hidden + 1) x outputs x 2. The gates'
     * element-wise work (sigmoids, tanh, products: ~10 x hidden per step) is left out, under 2% here.
     */
    public static double forwardFlopsPerWindow(TrainingConfig config) {
        double flops = 0;
        int in = config.columns().size();
        for (int hidden : config.hiddenUnits()) {
            flops += (double) config.window() * 4 * (in + hidden + 1) * hidden * 2;
            in = hidden;
        }
        return flops + 2.0 * (in + 1) * config.outputs();
    }

    public static Result run(Path dataDir, Path replayDir) {
        // The reference LSTM in full, written as a config file: it goes over BTCUSDT's own defaults (an MLP since
        // tuning), so the run is the network the FLOP count below describes.
        TrainingConfig reference = TrainingConfigs.defaults();
        Path config = dataDir.resolve("bench-reference-lstm.json");
        try {
            Files.writeString(config, TrainingConfigs.toJson(reference).toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(Child.java(), "-Xmx1g", "-jar", Project.cliJar().toString(), "--data-dir",
                dataDir.toString(), "--replay-dir", replayDir.toString(), "train", "--symbol", "BTCUSDT",
                "--interval", "1d", "--config", config.toString());
        Child.Result child = Child.run(command, Map.of("OMP_NUM_THREADS", "1"), Duration.ofMinutes(10))
                .requireSuccess("training");
        int train = 0;
        int validation = 0;
        int max = 0;
        List<Double> epochs = new ArrayList<>();
        for (Child.Line line : child.lines()) {
            Matcher w = WINDOWS.matcher(line.text());
            if (w.find()) {
                train = Integer.parseInt(w.group(1));
                validation = Integer.parseInt(w.group(2));
            }
            Matcher e = EPOCH.matcher(line.text());
            if (e.find()) {
                epochs.add(Double.parseDouble(e.group(3)));
                max = Integer.parseInt(e.group(2));
            }
        }
        if (train == 0 || epochs.isEmpty()) {
            throw new IllegalStateException("no windows or epochs in the training output:\n" + child.output());
        }
        return new Result(child.wallSeconds(), child.peakRssMb(), train, validation, epochs, max,
                forwardFlopsPerWindow(reference));
    }
}
