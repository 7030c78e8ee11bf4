package com.klinecast.training.volatility;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.forecast.portable.PortableNetwork;
import com.klinecast.core.volatility.NetworkVariance;
import com.klinecast.core.volatility.VarianceScaling;
import com.klinecast.core.volatility.VolatilityForecasts;
import com.klinecast.training.model.Architecture;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.model.LstmSpec;
import com.klinecast.training.model.LstmTrainer;
import com.klinecast.training.model.TrainingOptions;
import com.klinecast.training.model.TrainingResult;
import com.klinecast.training.model.TrainingSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The LSTM and the MLP on a volatility target: windows of a month's scaled variances, a direct output per horizon
 * (the scaled mean variance over the next h days), trained on the training split with early stopping on the
 * validation split. Each is trained on log variances and on variances; the scale with the lower mean validation
 * QLIKE ratio over the horizons is kept, as for HAR. Each output's correction (see {@link NetworkVariance}) is
 * fitted on the validation split. The test split chooses nothing.
 */
public final class VolatilityNetworks {

    /** Trains nothing: the volatility job then fits only naive, mean30 and HAR. */
    public static final VolatilityNetworks NONE = new VolatilityNetworks(null, s -> { });

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final VolatilityNetworkSettings settings;
    private final Consumer<String> log;

    public VolatilityNetworks(VolatilityNetworkSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    public static VolatilityNetworks defaults(Consumer<String> log) {
        return new VolatilityNetworks(VolatilityNetworkSettings.defaults(), log);
    }

    /**
     * The LSTM, then the MLP, each on its validation-chosen scale; none when this trains nothing.
     *
     * @param maxEpochs the run's {@code epochs}, which caps the settings' (so {@code train --epochs 1} is quick)
     */
    public List<VolatilityCandidate> fit(double[] variance, long[] openTimes, Split split, int[] horizons,
            int maxHorizon, long seed, int maxEpochs) {
        if (settings == null) {
            return List.of();
        }
        VolatilityNetworks capped = new VolatilityNetworks(settings.withEpochs(Math.min(settings.epochs(),
                maxEpochs)), log);
        List<VolatilityCandidate> out = new ArrayList<>();
        for (NetworkKind kind : NetworkKind.values()) {
            out.add(capped.choose(kind, variance, openTimes, split, horizons, maxHorizon, seed));
        }
        return out;
    }

    private VolatilityCandidate choose(NetworkKind kind, double[] variance, long[] openTimes, Split split,
            int[] horizons, int maxHorizon, long seed) {
        double[] seen = Arrays.copyOf(variance, split.validationEnd());
        Map<String, Object> scores = new LinkedHashMap<>();
        NetworkVariance best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        Map<String, Object> bestTraining = null;
        for (boolean logScale : new boolean[] {true, false}) {
            long started = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            Trained trained = train(kind, seen, split, maxHorizon, seed, logScale);
            double score = VolatilityFits.validationScore(trained.model(), seen, openTimes, split, horizons,
                    maxHorizon);
            double seconds = (System.nanoTime() - started) / 1e9;
            // The machine may be shared: CPU time of this thread says what the training itself cost.
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
            String scale = logScale ? "log" : "level";
            scores.put(scale, score);
            log.accept(String.format("volatility %s (%s): %d epochs (best %d), %.1f s wall, %.1f s CPU; validation "
                    + "mean QLIKE ratio %.3f", kind.code(), scale, trained.result().epochsRun(),
                    trained.result().bestEpoch(), seconds, cpuSeconds, score));
            if (score < bestScore) {
                bestScore = score;
                best = trained.model();
                bestTraining = Map.of("bestEpoch", trained.result().bestEpoch(), "epochsRun",
                        trained.result().epochsRun(), "bestValidationLoss", trained.result().bestValidationLoss(),
                        "stoppedEarly", trained.result().stoppedEarly(), "seconds", seconds, "cpuSeconds",
                        cpuSeconds);
            }
        }
        if (best == null) {
            throw new IllegalStateException("the volatility " + kind.code() + " scored no finite validation loss");
        }
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("split", "validation");
        choice.put("meanQlikeRatio", scores);
        choice.put("scale", best.scaling().logScale() ? "log" : "level");
        choice.put("correction", Arrays.stream(best.correction()).boxed().toList());
        return VolatilityFits.evaluate(best, choice, bestTraining, variance, openTimes, split, horizons,
                maxHorizon);
    }

    private record Trained(NetworkVariance model, TrainingResult result) {
    }

    /** One network on one scale; reads no day at or after the validation split's end ({@code seen} stops there). */
    private Trained train(NetworkKind kind, double[] seen, Split split, int maxHorizon, long seed,
            boolean logScale) {
        int window = settings.window();
        VarianceScaling scaling = VarianceScaling.fit(seen, split.trainEnd(), logScale);
        // A sample's every target lies inside its own split: training origins end H days before validation starts.
        TrainingSet train = windows(seen, scaling, window, maxHorizon, window - 1, split.trainEnd() - 1 - maxHorizon);
        TrainingSet validation = windows(seen, scaling, window, maxHorizon, split.trainEnd() - 1,
                split.validationEnd() - 1 - maxHorizon);
        LstmSpec spec = new LstmSpec(1, window, kind == NetworkKind.MLP ? settings.mlpUnits() : settings.lstmUnits(),
                settings.dropout(), maxHorizon, settings.learningRate(), seed);
        Architecture architecture = Architecture.of(kind);
        TrainingResult result = new LstmTrainer(new TrainingOptions(settings.epochs(), settings.batchSize(),
                settings.patience())).train(architecture, spec, train, validation, EpochListener.NONE);
        PortableNetwork portable = architecture.export(result.network(), spec);
        double[] none = new double[maxHorizon];
        Arrays.fill(none, 1.0);
        NetworkVariance uncorrected = new NetworkVariance(kind.code(), window, scaling, none, portable);
        return new Trained(uncorrected.withCorrection(correction(uncorrected, seen, split, maxHorizon)), result);
    }

    /**
     * Per horizon h, the mean over validation origins of realized / forecast mean variance: the constant factor
     * minimising the network's validation QLIKE at h.
     */
    static double[] correction(NetworkVariance model, double[] seen, Split split, int maxHorizon) {
        double[] sum = new double[maxHorizon];
        int[] count = new int[maxHorizon];
        for (int origin = Math.max(split.trainEnd() - 1, model.window() - 1); origin < seen.length - 1; origin++) {
            double[] raw = model.raw(seen, origin);
            for (int h = 1; h <= maxHorizon && origin + h < seen.length; h++) {
                sum[h - 1] += VolatilityForecasts.actual(seen, origin, h) / raw[h - 1];
                count[h - 1]++;
            }
        }
        double[] factors = new double[maxHorizon];
        for (int h = 0; h < maxHorizon; h++) {
            factors[h] = count[h] == 0 ? 1.0 : sum[h] / count[h];
        }
        return factors;
    }

    /** Windows from every origin in [fromOrigin, toOrigin], the targets at horizons 1 .. outputs. */
    static TrainingSet windows(double[] variance, VarianceScaling scaling, int window, int outputs, int fromOrigin,
            int toOrigin) {
        int n = toOrigin - fromOrigin + 1;
        if (n < 10) {
            throw new IllegalArgumentException("too few days to train a volatility network: " + Math.max(0, n)
                    + " windows");
        }
        float[][][] x = new float[n][][];
        float[][] y = new float[n][outputs];
        for (int i = 0; i < n; i++) {
            int origin = fromOrigin + i;
            double[][] in = scaling.input(variance, origin, window);
            x[i] = new float[window][1];
            for (int t = 0; t < window; t++) {
                x[i][t][0] = (float) in[t][0];
            }
            for (int h = 1; h <= outputs; h++) {
                y[i][h - 1] = (float) scaling.target(variance, origin, h);
            }
        }
        return new TrainingSet(x, y);
    }
}
