package com.klinecast.training.pipeline;

import com.klinecast.core.dataset.Samples;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.dataset.Windows;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.GlobalMinMax;
import com.klinecast.core.forecast.LogReturns;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.WindowMinMax;
import com.klinecast.core.forecast.portable.PortableNetwork;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.model.Architecture;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.model.LstmSpec;
import com.klinecast.training.model.LstmTrainer;
import com.klinecast.training.model.TrainingOptions;
import com.klinecast.training.model.TrainingResult;
import com.klinecast.training.model.TrainingSet;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * From a series' bars to an evaluated model: a chronological split, the scaling fitted on the training bars
 * alone, windows, the network (LSTM or MLP, as configured) trained with early stopping on validation loss, then a
 * walk-forward backtest of the portable network (exactly what the predictor will run) on the test split, beside
 * the naive forecast, with the quantile band chosen on the validation split ({@link Evaluation}). A volume model is the same pipeline with
 * the volume as the target, judged against the last volume repeated.
 */
public final class TrainingPipeline {

    /** Window buffer of the per-window scaling: room for moves past the window's range. */
    private static final double WINDOW_BUFFER = 0.1;

    private final EpochListener epochs;
    private final Consumer<String> log;

    public TrainingPipeline(EpochListener epochs, Consumer<String> log) {
        this.epochs = epochs;
        this.log = log;
    }

    /**
     * @param trainEnd index of the first bar after the training split, or -1 for the configured fractions
     */
    public TrainedModel train(Series series, List<Bar> bars, TrainingConfig config, int trainEnd) {
        long started = System.nanoTime();
        Split split = split(bars, config, trainEnd);
        FittedModel fitted = fit(series, bars, config, split);
        Evaluation evaluation = Evaluation.of(bars, fitted.forecaster(), split, config.horizonArray(),
                config.maxHorizon(), split.trainEnd() - 1);
        return new TrainedModel(series, config, fitted.scaling(), fitted.portable(), fitted.training(),
                DataRange.of(bars, split), evaluation, (System.nanoTime() - started) / 1e9);
    }

    /** The chronological split a run uses: the configured fractions, or the training part ending at trainEnd. */
    public static Split split(List<Bar> bars, TrainingConfig config, int trainEnd) {
        return trainEnd < 0 ? Split.of(bars.size(), config.validationFraction(), config.testFraction())
                : Split.trainUntil(trainEnd, bars.size(), 0.5);
    }

    /**
     * Trains on {@code split}'s training bars with early stopping on its validation bars; reads no bar at or after
     * {@code split.validationEnd()}, so a caller may pass only the bars up to there (the tuner does).
     */
    public FittedModel fit(Series series, List<Bar> bars, TrainingConfig config, Split split) {
        if (config.target() == Target.VOLATILITY) {
            // Its windows and targets are variances, not bars: VolatilityJob fits its models (no network yet).
            throw new IllegalArgumentException("the networks do not forecast volatility: train --target volatility "
                    + "fits naive, mean30 and HAR");
        }
        Scaling scaling = fit(config, bars.subList(0, split.trainEnd()));
        // A direct model's samples need every horizon's target inside their own split (Windows drops the rest).
        int outputs = config.outputs();
        Samples train = Windows.build(bars, scaling, config.window(), outputs, firstTrainingTarget(config, split),
                split.trainEnd());
        Samples validation = Windows.build(bars, scaling, config.window(), outputs, split.trainEnd(),
                split.validationEnd());
        if (train.size() < 10 * config.batchSize() / 4 || validation.size() < 10) {
            throw new IllegalArgumentException(series + " has too little data to train: " + train.size()
                    + " training and " + validation.size() + " validation windows");
        }
        log.accept(series + ": " + train.size() + " training, " + validation.size() + " validation windows; "
                + "scaling " + config.scaling() + " fitted on the training split (" + iso(bars, 0) + " .. "
                + iso(bars, split.trainEnd() - 1) + "); " + config.model() + " of the " + config.target().code() + ", "
                + config.forecast() + " forecasts, " + outputs
                + " output" + (outputs == 1 ? "" : "s"));

        LstmSpec spec = new LstmSpec(config.columns().size(), config.window(), config.hiddenUnits(), config.dropout(),
                outputs, config.learningRate(), config.seed());
        Architecture architecture = Architecture.of(config.networkKind());
        TrainingResult result = new LstmTrainer(new TrainingOptions(config.epochs(), config.batchSize(),
                config.patience())).train(architecture, spec, floats(train), floats(validation), epochs);
        PortableNetwork portable = architecture.export(result.network(), spec);

        Forecaster forecaster = new Forecaster(config.forecastMode(), portable, scaling, config.window(),
                series.interval());
        return new FittedModel(split, scaling, portable, result, forecaster);
    }

    /** Where the training windows start: the split's start, or late enough to keep the latest maxTrainWindows. */
    static int firstTrainingTarget(TrainingConfig config, Split split) {
        int cap = config.maxTrainWindows();
        return cap == 0 ? 0 : Math.max(0, split.trainEnd() - config.outputs() + 1 - cap);
    }

    static Scaling fit(TrainingConfig config, List<Bar> training) {
        return switch (config.scalingKind()) {
            case GLOBAL_MINMAX -> GlobalMinMax.fit(config.inputColumns(), training, config.target());
            case WINDOW_MINMAX -> new WindowMinMax(config.inputColumns(), WINDOW_BUFFER, config.target());
            case LOG_RETURN -> LogReturns.fit(config.inputColumns(), training, config.target());
        };
    }

    private static TrainingSet floats(Samples samples) {
        float[][][] x = new float[samples.size()][][];
        float[][] y = new float[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            double[][] window = samples.x()[i];
            x[i] = new float[window.length][];
            for (int t = 0; t < window.length; t++) {
                x[i][t] = floats(window[t]);
            }
            y[i] = floats(samples.y()[i]);
        }
        return new TrainingSet(x, y);
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static String iso(List<Bar> bars, int index) {
        return Instant.ofEpochMilli(bars.get(index).openTime()).toString();
    }
}
