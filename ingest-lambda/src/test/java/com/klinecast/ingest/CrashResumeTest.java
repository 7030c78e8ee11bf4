package com.klinecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.testing.IngestFixture;
import com.klinecast.core.testing.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ingest process killed with SIGKILL at 20 random points of BTCUSDT 1h backfills (8,749 candles, 6 real gaps),
 * at least half of them after rows were written, and rerun after each kill until it completes: every resulting
 * table equals a clean run's, row for row (same checksum), so a crash never leaves a gap the source does not have,
 * a duplicate or a torn row.
 */
class CrashResumeTest {

    private static final Instant NOW = Instant.parse("2021-01-01T00:05:00Z");
    private static final int KILLS = 20;

    private final IngestFixture fixture = new IngestFixture(NOW);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void killedAtTwentyPointsMidBackfillAndRerunEveryTableEqualsACleanRunsTable() throws Exception {
        String clean = fixture.newTable();
        assertEquals(0, run(clean, Long.MAX_VALUE), "the clean run completes");
        long backfillMillis = lastRunMillis;
        Map<String, String> expected = rows(clean);
        assertEquals(8749, expected.keySet().stream().filter(k -> k.startsWith("BTCUSDT#1h/") && !k.contains("/-")).count());

        Random random = new Random(20261122);
        int midway = 0;
        int backfills = 0;
        int runs = 0;
        int kills = 0;
        for (; kills < KILLS; backfills++) {
            String crashed = fixture.newTable();
            // Kill and rerun until a run completes: each kill lands somewhere between JVM start and the end.
            while (true) {
                runs++;
                int before = count(crashed);
                // Short slices of the whole: several kills land in each backfill before a rerun completes it.
                long killAfter = (long) (backfillMillis * (0.05 + 0.45 * random.nextDouble()));
                if (run(crashed, killAfter) != KILLED) {
                    break;
                }
                kills++;
                int after = count(crashed);
                if (after > before && after < expected.size()) {
                    midway++;
                }
            }
            Map<String, String> actual = rows(crashed);
            assertEquals(expected.keySet(), actual.keySet(), "same rows after backfill " + backfills
                    + ": no gap, no extra");
            assertEquals(checksum(expected), checksum(actual), "same contents after backfill " + backfills);
        }
        System.out.printf("CrashResumeTest: %d runs, %d kills (%d after rows were written), over %d backfills; a "
                + "clean backfill takes %d ms%n", runs, kills, midway, backfills, backfillMillis);
        assertTrue(midway >= KILLS / 2, "killed mid-write only " + midway + " times");
    }

    private static final int KILLED = -9;

    /** How long the last run's backfill took, from the child's "ready" to its exit. */
    private long lastRunMillis;

    /**
     * Runs the ingest process; kills it with SIGKILL {@code killAfterMillis} after it is ready (JVM started, clients
     * built). Returns its exit code, or KILLED.
     */
    private int run(String table, long killAfterMillis) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-Daws.region=us-east-1", "-Daws.accessKeyId=local", "-Daws.secretAccessKey=local",
                "-Daws.endpointUrlDynamoDb=" + LocalDynamo.server().endpoint(),
                "-cp", System.getProperty("java.class.path"), IngestProcessMain.class.getName(),
                table, fixture.replay.baseUrl().toString(), "BTCUSDT", "1h", NOW.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals(IngestProcessMain.READY)) {
            // JVM start-up chatter
        }
        long ready = System.nanoTime();
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        if (killAfterMillis != Long.MAX_VALUE && !process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return KILLED;
        }
        int exit = process.waitFor();
        lastRunMillis = (System.nanoTime() - ready) / 1_000_000;
        return exit;
    }

    private int count(String table) {
        return fixture.ddb.scan(b -> b.tableName(table).select("COUNT").consistentRead(true)).count();
    }

    /** Every item by key; the state row's write time is left out, it differs by design. */
    private Map<String, String> rows(String table) {
        Map<String, String> rows = new TreeMap<>();
        fixture.ddb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> {
            Map<String, AttributeValue> kept = new TreeMap<>(item);
            kept.remove("updatedAt");
            rows.put(item.get("series").s() + "/" + item.get("openTime").n(), kept.toString());
        });
        return rows;
    }

    private static String checksum(Map<String, String> rows) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        rows.forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
