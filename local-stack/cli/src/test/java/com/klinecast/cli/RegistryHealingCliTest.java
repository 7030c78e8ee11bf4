package com.klinecast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The registry's state as a user can break it on disk (a truncated alias or manifest, corrupt artifacts, an alias
 * write that fails) and what every command does then: rebuild, mark, say what did not work, and name commands
 * that exist.
 */
class RegistryHealingCliTest {

    private static final Pattern HINT = Pattern.compile("'klinecast ([^']+)'");

    @TempDir
    Path dataDir;
    private Path tiny;

    private CliRun klinecast(String... args) {
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

    private CliRun train() {
        CliRun run = klinecast("train", "--config", tiny.toString());
        assertEquals(0, run.exitCode(), run.toString());
        return run;
    }

    @BeforeEach
    void ingestAndTrainAChampion() throws IOException {
        tiny = Files.writeString(dataDir.resolve("tiny.json"), "{\"epochs\": 1, \"hiddenUnits\": [8, 8]}");
        assertEquals(0, klinecast("ingest").exitCode());
        assertTrue(train().out().contains("version 1 written; promoted to champion"));
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
        CliRun retrain = train();

        assertTrue(retrain.out().contains("version 2 written; promoted to champion"), retrain.out());
    }

    @Test
    void aTruncatedManifestIsMarkedAndTheOtherVersionsAreListed() throws IOException {
        train();
        truncate("models/BTCUSDT/1d/v000001/manifest.json");

        CliRun models = klinecast("models");

        assertEquals(0, models.exitCode(), models.toString());
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v1 ") && l.contains("CORRUPT")
                && l.contains("manifest.json")), models.out());
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v2 ") && l.endsWith("<- champion")), models.out());
    }

    @Test
    void aPromotionWhoseAliasWriteFailsExitsZeroAndSaysWhatDidNotWork() throws Exception {
        CliRun promoted;
        try (AutoCloseable fault = AliasWriteFault.on()) {
            promoted = klinecast("train", "--config", tiny.toString());
        }

        assertEquals(0, promoted.exitCode(), promoted.toString());
        assertTrue(promoted.out().contains("version 2 written; promoted to champion"), promoted.out());
        assertTrue(promoted.out().contains("promoted v2; writing the alias models/BTCUSDT/1d/champion.json failed ("),
                promoted.out());
        CliRun models = klinecast("models");
        assertTrue(models.out().lines().anyMatch(l -> l.startsWith("v2 ") && l.endsWith("<- champion")), models.out());
    }

    @Test
    void theHintForAnUnusableChampionNamesACommandThatExistsAndRestoresThePreviousOne() throws IOException {
        train();
        for (String version : List.of("v000001", "v000002")) {
            try (Stream<Path> files = Files.list(object("models/BTCUSDT/1d/" + version))) {
                for (Path artifact : files.filter(f -> !f.getFileName().toString().endsWith(".json")).toList()) {
                    Files.writeString(artifact, "corrupt");
                }
            }
        }

        CliRun forecast = klinecast("forecast");
        CliRun models = klinecast("models");

        assertEquals(1, forecast.exitCode(), forecast.toString());
        Matcher hint = HINT.matcher(forecast.err());
        assertTrue(hint.find(), forecast.err());
        String[] command = hint.group(1).split(" ");
        new CommandLine(new Klinecast()).parseArgs(command);
        assertEquals(0, models.exitCode(), models.toString());
        assertEquals(2, models.out().lines().filter(l -> l.matches("v[12] +CORRUPT: .*")).count(), models.out());
        assertTrue(models.err().contains("WARNING: the champion v2 is corrupt"), models.err());

        CliRun rollback = klinecast(command);

        assertEquals(0, rollback.exitCode(), rollback.toString());
        assertTrue(rollback.out().contains("BTCUSDT 1d: rolled back from v000002 to v000001 (revision 3)"),
                rollback.out());
    }
}
