package com.klinecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.config.Env;
import com.klinecast.core.scheduled.IngestConfig;
import com.klinecast.core.scheduled.IngestServices;
import com.klinecast.core.scheduled.ScheduledIngest;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.core.testing.LocalDynamo;
import com.klinecast.standins.dynamodb.Dynalite;
import com.klinecast.standins.lambda.LocalContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * The ingest process killed with SIGKILL at 20 random points of BTCUSDT 1h backfills (8,749 candles, 6 real gaps),
 * most of them after a random number of written batches, a few kills per backfill, and rerun after each kill until it completes: every resulting
 * table equals a clean run's, row for row (same checksum), so a crash never leaves a gap the source does not have,
 * a duplicate or a torn row. The table is dynalite's persisted mode (LevelDB in a directory), as the local stack's.
 */
class CrashResumeIT {

    private static final Instant NOW = Instant.parse("2021-01-01T00:05:00Z");
    private static final int KILLS = 20;
    private static final int KILLS_PER_BACKFILL = 5;

    @TempDir
    Path dataDir;
    private Dynalite dynamo;
    private IngestFixture fixture;

    @BeforeEach
    void start() {
        dynamo = Dynalite.persisted(dataDir, 0);
        fixture = new IngestFixture(NOW, LocalDynamo.client(dynamo, ClientOverrideConfiguration.builder().build()));
    }

    @AfterEach
    void stop() {
        fixture.close();
        fixture.ddb.close();
        dynamo.close();
    }

    @Test
    void killedAtTwentyPointsMidBackfillAndRerunEveryTableEqualsACleanRunsTable() throws Exception {
        String clean = fixture.newTable();
        assertEquals(0, run(clean, Kill.NEVER), "the clean run completes");
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
            // A few kills in each backfill, then a rerun that is left to complete it.
            boolean complete = false;
            for (int k = 0; k < KILLS_PER_BACKFILL && kills < KILLS && !complete; k++) {
                runs++;
                int before = count(crashed);
                if (run(crashed, Kill.pick(random, expected.size() - before)) != KILLED) {
                    complete = true;
                    break;
                }
                kills++;
                int after = count(crashed);
                if (after > before && after < expected.size()) {
                    midway++;
                }
            }
            if (!complete) {
                runs++;
                assertEquals(0, run(crashed, Kill.NEVER), "the rerun after backfill " + backfills + "'s kills");
            }
            Map<String, String> actual = rows(crashed);
            assertEquals(expected.keySet(), actual.keySet(), "same rows after backfill " + backfills
                    + ": no gap, no extra");
            assertEquals(checksum(expected), checksum(actual), "same contents after backfill " + backfills);
        }
        System.out.printf("CrashResumeIT: %d runs, %d kills (%d after rows were written), over %d backfills; a "
                + "clean backfill takes %d ms%n", runs, kills, midway, backfills, backfillMillis);
        // Kills are placed by progress, so this holds on a loaded machine too; it guards the test, not the code.
        assertTrue(midway >= KILLS / 2, "killed mid-write only " + midway + " times");
    }

    private static final int KILLED = -9;

    /**
     * Where a run is killed. Most kills follow the child's own progress: after its n-th acknowledged batch, plus a
     * random pause of up to a batch's time so that some land inside the next request. One in five falls in the
     * first moments after start-up instead (reading the resume state, the first page), before anything is written.
     */
    private record Kill(int afterBatches, long pauseMillis) {
        static final Kill NEVER = new Kill(-1, 0);

        static Kill pick(Random random, int rowsLeft) {
            if (random.nextInt(5) == 0) {
                return new Kill(0, random.nextInt(300));
            }
            // 25 items a batch; anywhere in what is left (a pick past the end lets the run complete).
            int batchesLeft = Math.max(1, rowsLeft / 25);
            return new Kill(1 + random.nextInt(batchesLeft), random.nextInt(20));
        }
    }

    /** How long the last completed run's backfill took, from the child's "ready" to its exit. */
    private long lastRunMillis;

    /** Runs the ingest process, killing it with SIGKILL at {@code kill}. Returns its exit code, or KILLED. */
    private int run(String table, Kill kill) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                // A short-lived process started 24 times: the client compiler only and the serial collector start
                // it faster.
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Daws.region=us-east-1", "-Daws.accessKeyId=local", "-Daws.secretAccessKey=local",
                "-Daws.endpointUrlDynamoDb=" + dynamo.endpoint(),
                "-cp", System.getProperty("java.class.path"), IngestProcess.class.getName(),
                table, fixture.replay.baseUrl().toString(), "BTCUSDT", "1h", NOW.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals(IngestProcess.READY)) {
            // JVM start-up chatter
        }
        long ready = System.nanoTime();
        int batches = 0;
        while (kill != Kill.NEVER && batches < kill.afterBatches() && (line = out.readLine()) != null) {
            if (line.equals(IngestProcess.WROTE)) {
                batches++;
            }
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException closedByTheKill) {
                // nothing left to read
            }
        });
        drain.setDaemon(true);
        drain.start();
        if (kill != Kill.NEVER && !process.waitFor(kill.pauseMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return KILLED;
        }
        int exit = process.waitFor();
        lastRunMillis = (System.nanoTime() - ready) / 1_000_000;
        return exit;
    }

    private int count(String table) {
        // Summed over pages: one Scan page stops at 1 MB (about 3,000 rows here).
        return fixture.ddb.scanPaginator(b -> b.tableName(table).select("COUNT").consistentRead(true)).stream()
                .mapToInt(page -> page.count()).sum();
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

    /**
     * The ingest function as a process of its own, so this test can kill it with SIGKILL at any point: the handler built
     * as in Lambda (configuration from arguments instead of the environment), one scheduled invocation.
     * Arguments: table, Binance base URL, symbol, interval, event time. DynamoDB is reached through the standard
     * endpoint system property, set by the parent.
     */
    static final class IngestProcess {

        static final String READY = "ready";
        static final String WROTE = "wrote";

        private IngestProcess() {
        }

        public static void main(String[] args) {
            IngestConfig config = IngestConfig.fromEnv(new Env(Map.of("FEATURE_TABLE", args[0], "BINANCE_BASE_URL",
                    args[1])));
            // The client as AwsClients builds it, plus a line on stdout after each batch the table acknowledged: the
            // parent picks its kill points by progress, not by a clock that a loaded machine would skew.
            DynamoDbClient ddb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.builder().build())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                        @Override
                        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                            if (context.request() instanceof BatchWriteItemRequest) {
                                System.out.println(WROTE);
                                System.out.flush();
                            }
                        }
                    })).build();
            IngestHandler handler = new IngestHandler(new ScheduledIngest(config,
                    IngestServices.create(config, ddb), Clock.systemUTC()));
            // Tells the parent the JVM has started and the clients are built: its kill clock starts here.
            System.out.println(READY);
            System.out.flush();
            ScheduledEvent event = new ScheduledEvent();
            event.setTime(new DateTime(Instant.parse(args[4]).toEpochMilli()));
            event.setDetail(Map.of("symbols", args[2], "intervals", args[3]));
            System.out.println(handler.handleRequest(event, LocalContext.withTimeout("IngestFunction",
                    Duration.ofMinutes(15), LocalContext.quietLogger())));
        }
    }
}
