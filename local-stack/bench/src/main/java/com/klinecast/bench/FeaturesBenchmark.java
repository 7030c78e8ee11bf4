package com.klinecast.bench;

import com.klinecast.cli.LocalAws;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.recompute.FeatureRecompute;
import com.klinecast.core.features.FeatureRows;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.BatchWriter;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.store.FeatureTableSchema;
import com.klinecast.standins.dynamodb.Dynalite;
import com.klinecast.standins.replay.BinanceReplayServer;
import com.klinecast.standins.replay.ReplayClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A full feature recompute ({@code features --recompute}: stream the stored candles, recompute every feature,
 * rewrite every row) beside its floor: the same table read in full with a bare paginated Query and every item
 * written back with a bare BatchWriteItem loop, no parsing and no features. dynalite in memory; the two
 * alternate after two warm-up rounds.
 */
public final class FeaturesBenchmark {

    private static final int WARM_UP_ROUNDS = 2;
    private static final String TABLE = "bench-features";

    /** Rows rewritten per second, recompute and floor. */
    public record Result(String series, long rows, IngestBenchmark.Stats recompute, IngestBenchmark.Stats floor) {
        public double ratio() {
            return recompute.median() / floor.median();
        }
    }

    private final Path replayDir;
    private final int runs;

    public FeaturesBenchmark(Path replayDir, int runs) {
        this.replayDir = replayDir;
        this.runs = runs;
    }

    public Result run(Series series) {
        try (Dynalite dynamo = Dynalite.inMemory();
                BinanceReplayServer replay = BinanceReplayServer.start(replayDir, ReplayClock.system())) {
            LocalAws.useDynamoDb(dynamo.endpoint());
            try (DynamoDbClient ddb = AwsClients.dynamoDb()) {
                FeatureTableSchema.createIfMissing(ddb, TABLE);
                FeatureTable table = new FeatureTable(ddb, TABLE, BatchWriter.withDefaults(ddb));
                List<Candle> candles = BareCalls.fetchAll(replay, series);
                table.write(series, FeatureRows.of(series, List.of(), candles));
                FeatureRecompute recompute = new FeatureRecompute(table);
                for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                    recompute.recompute(series);
                    bareReadWrite(ddb, series);
                }
                List<Double> subject = new ArrayList<>();
                List<Double> floor = new ArrayList<>();
                long rows = 0;
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    rows = recompute.recompute(series).rows();
                    subject.add(rows / ((System.nanoTime() - start) / 1e9));
                    start = System.nanoTime();
                    int items = bareReadWrite(ddb, series);
                    floor.add(items / ((System.nanoTime() - start) / 1e9));
                }
                return new Result(series.id(), rows, IngestBenchmark.Stats.of(subject), IngestBenchmark.Stats.of(floor));
            }
        }
    }

    private static int bareReadWrite(DynamoDbClient ddb, Series series) {
        QueryRequest query = QueryRequest.builder().tableName(TABLE)
                .keyConditionExpression("#s = :s AND #t >= :zero")
                .expressionAttributeNames(Map.of("#s", FeatureTableSchema.SERIES, "#t", FeatureTableSchema.OPEN_TIME))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.id()),
                        ":zero", AttributeValue.fromN("0")))
                .build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        ddb.queryPaginator(query).items().forEach(items::add);
        BareCalls.writeAll(ddb, TABLE, items);
        return items.size();
    }
}
