package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's state as a user can break it on disk (a truncated alias or manifest, corrupt artifacts, an alias
 * write that fails) and what every command does then: rebuild, mark, say what did not work, and name commands
 * that exist.
 */
class RegistryHealingCliIT {

    private static final Pattern HINT = Pattern.compile("'klinecast ([^']+)'");

    /** v1 naive (the first champion), v2 drift, v3 the network: the first train of a series. */
    private static PreparedDataDir trained;

    @TempDir
    Path dataDir;

    private CliRun klinecast(String... args) {
        return CliRun.in(dataDir.toString(), args);
    }

    private static CliRun klinecast(Path dataDir, String... args) {
        return CliRun.in(dataDir.toString(), args);
    }

    /** A registry object as S3Proxy's filesystem store keeps it under the data dir. */
    private Path object(String key) {
        return dataDir.resolve("s3").resolve(LocalStack.BUCKET).resolve(key);
    }

    private void truncate(String key) throws IOException {
        byte[] bytes = Files.readAllBytes(object(key));
        Files.write(object(key), Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** The operator's override: the rule promotes nothing over naive on the bundled data. */
    private CliRun promote(int version) {
        return klinecast("models", "promote", "--version", Integer.toString(version), "--reason", "test");
    }

    @BeforeAll
    static void ingestAndTrain(@TempDir Path classDir) throws Exception {
        trained = PreparedDataDir.in(classDir, dir -> {
            Path tiny = Files.writeString(dir.resolve("tiny.json"), "{\"epochs\": 1, \"hiddenUnits\": [8, 8]}");
            assertEquals(0, klinecast(dir, "ingest").exitCode());
            CliRun first = klinecast(dir, "train", "--config", tiny.toString());
            assertEquals(0, first.exitCode(), first.toString());
            // The job's progress goes to stderr, its result to stdout: read both.
            assertTrue(first.toString().contains("naive published as v1, the first champion"), first.toString());
            assertTrue(first.toString().contains("version 3 written"), first.toString());
        });
    }

    @BeforeEach
    void fromTheTrainedDataDir() {
        trained.copyTo(dataDir);
    }

    @Test
    void aTruncatedAliasIsRebuiltAndNoCommandNoticesItButByItsRepair() throws IOException {
        truncate("models/BTCUSDT/1d/champion.json");

        CliRun models = klinecast("models");
        CliRun status = klinecast("status");
        CliRun forecast = klinecast("forecast", "--days", "3");

        assertEquals(0, models.exitCode(), models.toString());
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v1 ") && l.endsWith("<- champion")), models.out());
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("BTCUSDT#1d") && l.endsWith("v1")), status.out());
        assertEquals(0, forecast.exitCode(), forecast.toString());
        assertArrayEquals(Files.readAllBytes(object("models/BTCUSDT/1d/champion-log/r000001.json")),
                Files.readAllBytes(object("models/BTCUSDT/1d/champion.json")), "the alias is the log's head again");

        truncate("models/BTCUSDT/1d/champion.json");
        CliRun promoted = promote(3);

        assertEquals(0, promoted.exitCode(), promoted.toString());
        assertTrue(promoted.out().contains("champion is now v3"), promoted.out());
        assertArrayEquals(Files.readAllBytes(object("models/BTCUSDT/1d/champion-log/r000002.json")),
                Files.readAllBytes(object("models/BTCUSDT/1d/champion.json")), "the alias is the new head");
    }

    @Test
    void aTruncatedManifestIsMarkedAndTheOtherVersionsAreListed() throws IOException {
        assertEquals(0, promote(3).exitCode());
        truncate("models/BTCUSDT/1d/v000001/manifest.json");

        CliRun models = klinecast("models");

        assertEquals(0, models.exitCode(), models.toString());
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v1 ") && l.contains("CORRUPT")
                && l.contains("manifest.json")), models.out());
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v2 ")), models.out());
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v3 ") && l.endsWith("<- champion")), models.out());
    }

    @Test
    void aPromotionWhoseAliasWriteFailsExitsZeroAndSaysWhatDidNotWork() throws Exception {
        CliRun promoted;
        try (AutoCloseable fault = AliasWriteFault.on()) {
            promoted = promote(3);
        }

        assertEquals(0, promoted.exitCode(), promoted.toString());
        assertTrue(promoted.out().contains("champion is now v3"), promoted.out());
        assertTrue(promoted.out().contains("promoted v3; writing the alias models/BTCUSDT/1d/champion.json failed ("),
                promoted.out());
        CliRun models = klinecast("models");
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v3 ") && l.endsWith("<- champion")), models.out());
    }

    @Test
    void theHintForAnUnusableChampionNamesACommandThatExistsAndRestoresThePreviousOne() throws IOException {
        assertEquals(0, promote(3).exitCode());
        // The network's artifacts corrupt, and naive (a manifest, no artifacts) unreadable: nothing to fall back to.
        try (Stream<Path> files = Files.list(object("models/BTCUSDT/1d/v000003"))) {
            for (Path artifact : files.filter(f -> !f.getFileName().toString().endsWith(".json")).toList()) {
                Files.writeString(artifact, "corrupt");
            }
        }
        truncate("models/BTCUSDT/1d/v000001/manifest.json");

        CliRun forecast = klinecast("forecast");
        CliRun models = klinecast("models");

        assertEquals(1, forecast.exitCode(), forecast.toString());
        Matcher hint = HINT.matcher(forecast.err());
        assertTrue(hint.find(), forecast.err());
        String[] command = hint.group(1).split(" ");
        Klinecast.commandLine().parseArgs(command);
        assertEquals(0, models.exitCode(), models.toString());
        assertEquals(2, models.out().lines().filter(l -> l.matches("v[13] +CORRUPT: .*")).count(), models.out());
        assertTrue(models.err().contains("WARNING: the champion v3 is corrupt"), models.err());

        CliRun rollback = klinecast(command);

        assertEquals(0, rollback.exitCode(), rollback.toString());
        assertTrue(rollback.out().contains("BTCUSDT 1d: rolled back from v000003 to v000001 (revision 3)"),
                rollback.out());
    }
}
