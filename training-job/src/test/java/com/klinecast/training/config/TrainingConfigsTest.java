package com.klinecast.training.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheReferenceNetwork() {
        TrainingConfig config = TrainingConfigs.defaults();

        assertEquals(30, config.window());
        assertEquals(List.of(50, 50), config.hiddenUnits());
        assertEquals(0.2, config.dropout());
        assertEquals(30, config.maxHorizon());
        assertEquals(Forecaster.Mode.DIRECT, config.forecastMode(), "chosen by backtest, see the README");
        assertEquals(30, config.outputs());
    }

    @Test
    void theDefaultModelIsAnLstmOfTheCloseAndTheVariantsAreNamedStrictly() {
        assertEquals(NetworkKind.LSTM, TrainingConfigs.defaults().networkKind());
        assertEquals(Target.CLOSE, TrainingConfigs.defaults().target());
        TrainingConfig variant = TrainingConfigs.load(null, Map.of("model", "mlp", "target", "volume"));
        assertEquals(NetworkKind.MLP, variant.networkKind());
        assertEquals(Target.VOLUME, variant.target());

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("model", "gru"), Map.of("model", "MLP"),
                Map.of("target", "price"), Map.of("target", "Volume"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrainingConfigs.load(null, bad));
            assertTrue(e.getMessage().contains(bad.values().iterator().next().toString()), e.getMessage());
        }
        // Global min-max scales the target by its own input column.
        IllegalArgumentException noVolumeColumn = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigs.load(null, Map.of("target", "volume", "scaling", "global_minmax",
                        "columns", List.of("close"))));
        assertTrue(noVolumeColumn.getMessage().contains("add 'volume' to columns"), noVolumeColumn.getMessage());
    }

    @Test
    void aFileChangesSomeFieldsAndTheCommandLineHasTheLastWord() throws Exception {
        Path file = Files.writeString(dir.resolve("t.json"), "{\"scaling\": \"global_minmax\", \"epochs\": 7}");

        TrainingConfig config = TrainingConfigs.load(file, Map.of("epochs", 3));

        assertEquals(Scaling.Kind.GLOBAL_MINMAX, config.scalingKind());
        assertEquals(3, config.epochs());
        assertEquals(30, config.window());
    }

    @Test
    void aDirectForecastHasOneOutputPerHorizonUpToTheLargest() {
        TrainingConfig direct = TrainingConfigs.load(null, Map.of("forecast", "direct", "horizons", List.of(1, 7)));
        TrainingConfig recursive = TrainingConfigs.load(null, Map.of("forecast", "recursive"));

        assertEquals(Forecaster.Mode.DIRECT, direct.forecastMode());
        assertEquals(7, direct.outputs());
        assertEquals(1, recursive.outputs());
    }

    @Test
    void rejectsUnknownFieldsAndBadValuesNamingThem() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"epoch\": 7}");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigs.load(typo, Map.of()));
        assertTrue(unknown.getMessage().contains("epoch"), unknown.getMessage());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigs.load(null, Map.of("scaling", "zscore")));
        assertTrue(bad.getMessage().contains("unknown scaling 'zscore'"), bad.getMessage());

        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigs.load(null, Map.of("forecast", "hybrid")));
        assertTrue(mode.getMessage().contains("unknown forecast 'hybrid'"), mode.getMessage());
    }

    @Test
    void aSeriesGetsItsBundledDefaultsUnderTheFileAndTheOverrides() throws Exception {
        Series btc = Series.of("BTCUSDT", "1d");
        ObjectNode own = TrainingConfigs.seriesDefaults(btc);
        TrainingConfig forBtc = TrainingConfigs.forSeries(btc, null, Map.of());
        own.fields().forEachRemaining(f -> assertEquals(f.getValue(), TrainingConfigs.toJson(forBtc).get(f.getKey()),
                "series-defaults/BTCUSDT-1d.json sets " + f.getKey()));

        Path file = Files.writeString(dir.resolve("mine.json"), "{\"window\": 21, \"dropout\": 0.1}");
        TrainingConfig layered = TrainingConfigs.forSeries(btc, file, Map.of("dropout", 0.3));
        assertEquals(21, layered.window(), "the file goes over the series' defaults");
        assertEquals(0.3, layered.dropout(), "the command line goes over the file");

        Series unlisted = Series.of("XRPUSDT", "4h");
        assertEquals(0, TrainingConfigs.seriesDefaults(unlisted).size());
        assertEquals(TrainingConfigs.defaults(), TrainingConfigs.forSeries(unlisted, null, Map.of()),
                "a series without its own defaults trains on the bundled ones");
    }

    @Test
    void aMinuteSeriesGetsItsIntervalsDefaultsUnderItsOwn() {
        Series minutes = Series.of("ETHUSDT", "1m");
        ObjectNode interval = TrainingConfigs.intervalDefaults(minutes);
        TrainingConfig forMinutes = TrainingConfigs.forSeries(minutes, null, Map.of());

        assertTrue(interval.has("maxTrainWindows"), "1m bounds its training windows");
        interval.fields().forEachRemaining(f -> assertEquals(f.getValue(),
                TrainingConfigs.toJson(forMinutes).get(f.getKey()), "interval-defaults/1m.json sets " + f.getKey()));
        assertEquals(0, TrainingConfigs.intervalDefaults(Series.of("ETHUSDT", "1d")).size());
        assertEquals(0, TrainingConfigs.defaults().maxTrainWindows(), "other intervals train on every window");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfigs.load(null, Map.of("maxTrainWindows", -1)));
        assertTrue(negative.getMessage().contains("maxTrainWindows"), negative.getMessage());
    }
}
