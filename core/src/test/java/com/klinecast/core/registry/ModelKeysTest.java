package com.klinecast.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key layout, and the validation that keeps every request inside its own series' prefix. */
class ModelKeysTest {

    private final ModelKeys btc = ModelKeys.of(Series.of("BTCUSDT", "1d"), Target.CLOSE);

    @Test
    void layoutIsModelsSymbolIntervalVersionWithSixDigits() {
        assertEquals("models/BTCUSDT/1d/", btc.prefix());
        assertEquals("models/BTCUSDT/1d/v000001/", btc.versionPrefix(1));
        assertEquals("models/BTCUSDT/1d/v000042/manifest.json", btc.manifest(42));
        assertEquals("models/BTCUSDT/1d/v999999/model.zip", btc.artifact(999_999, "model.zip"));
        assertEquals("models/BTCUSDT/1d/v000003/_allocation.json", btc.allocation(3));
        assertEquals("models/BTCUSDT/1d/champion.json", btc.champion());
        assertEquals("models/BTCUSDT/1d/champion-log/r000007.json", btc.championLog(7));
        assertEquals("models/ETHUSDT/1M/", ModelKeys.of(Series.of("ETHUSDT", "1M"), Target.CLOSE).prefix());
    }

    @Test
    void volumeModelsLiveUnderTheirOwnPrefixWhichNeitherContainsNorIsContainedInTheCloseOne() {
        ModelKeys volume = ModelKeys.of(Series.of("BTCUSDT", "1d"), Target.VOLUME);

        assertEquals("models/volume/BTCUSDT/1d/", volume.prefix());
        assertEquals("models/volume/BTCUSDT/1d/champion.json", volume.champion());
        assertEquals("models/volume/BTCUSDT/1d/v000002/manifest.json", volume.manifest(2));
        assertEquals(btc.prefix(), ModelKeys.of(Series.of("BTCUSDT", "1d"), Target.CLOSE).prefix());
        assertFalse(volume.prefix().startsWith(btc.prefix()));
        assertFalse(btc.prefix().startsWith(volume.prefix()));
        assertEquals(OptionalInt.empty(), btc.versionOf(volume.manifest(2)));
        assertEquals(OptionalInt.empty(), volume.versionOf(btc.manifest(2)));
        assertTrue(volume.isManifest(volume.manifest(2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "btcusdt|1d", "BTC/USDT|1d", "../ETHUSDT|1d", "BTCUSDT/../ETHUSDT|1d", "BTC USDT|1d", "B|1d",
            "''|1d", "NULL|1d", "BTCUSDT|1D", "BTCUSDT|../1d", "BTCUSDT|1d/..", "BTCUSDT|''", "BTCUSDT|NULL"})
    void keysForABadSymbolOrIntervalAreRefused(String symbol, String interval) {
        assertThrows(IllegalArgumentException.class, () -> ModelKeys.of(Series.of(symbol, interval), Target.CLOSE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, 1_000_000, Integer.MAX_VALUE})
    void versionsOutsideOneToSixDigitsAreRefused(int version) {
        assertThrows(IllegalArgumentException.class, () -> btc.manifest(version));
        assertThrows(IllegalArgumentException.class, () -> btc.artifact(version, "model.zip"));
        assertThrows(IllegalArgumentException.class, () -> ModelKeys.versionName(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../model.zip", "a/b", "/model.zip", ".hidden", "..", "_allocation.json",
            "manifest.json", "model zip", "mödel.zip", "model.zip\n", "-model"})
    void artifactNamesThatCouldLeaveTheVersionOrShadowTheRegistrysFilesAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> btc.artifact(1, name));
        assertThrows(IllegalArgumentException.class, () -> ModelDraft.builder().artifact(name, new byte[1]));
    }

    @Test
    void aKeyBelongsToAVersionOnlyUnderItsOwnSeriesPrefix() {
        assertEquals(OptionalInt.of(3), btc.versionOf("models/BTCUSDT/1d/v000003/model.zip"));
        assertEquals(OptionalInt.empty(), btc.versionOf("models/BTCUSDTX/1d/v000003/model.zip"));
        assertEquals(OptionalInt.empty(), btc.versionOf("models/BTCUSDT/1dd/v000003/model.zip"));
        assertEquals(OptionalInt.empty(), btc.versionOf("models/BTCUSDT/1d/champion-log/r000003.json"));
        assertEquals(OptionalInt.empty(), btc.versionOf("models/BTCUSDT/1d/v3/model.zip"));
        assertEquals(OptionalInt.empty(), btc.versionOf("models/BTCUSDT/1d/v000000/model.zip"));
        assertTrue(btc.isManifest("models/BTCUSDT/1d/v000003/manifest.json"));
        assertFalse(btc.isManifest("models/BTCUSDT/1d/v000003/old/manifest.json"));
        assertFalse(btc.isManifest("models/BTCUSDT/1d/v000003/_allocation.json"));
    }
}
