package com.klinecast.training.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Scaling;
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
}
