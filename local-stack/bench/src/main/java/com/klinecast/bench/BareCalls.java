package com.klinecast.bench;

import com.klinecast.core.binance.BinanceKlinesClient;
import com.klinecast.core.binance.BinanceSettings;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.KlinePage;
import com.klinecast.core.series.Series;
import com.klinecast.standins.replay.BinanceReplayServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The bare calls the floors are made of: no checks, features or watermarks, just the exchange and the store. */
final class BareCalls {

    private BareCalls() {
    }

    /** Every closed candle of a series from the replay, page by page. */
    static List<Candle> fetchAll(BinanceReplayServer replay, Series series) {
        BinanceKlinesClient client = BinanceKlinesClient.create(BinanceSettings.defaults(replay.baseUrl()));
        List<Candle> all = new ArrayList<>();
        long start = 0;
        while (true) {
            KlinePage page = client.fetch(series, start, System.currentTimeMillis());
            all.addAll(page.closed());
            if (page.last()) {
                return all;
            }
            start = all.get(all.size() - 1).openTime() + 1;
        }
    }

    /** A plain BatchWriteItem loop, 25 items a call. */
    static void writeAll(DynamoDbClient ddb, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            var response = ddb.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
            if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
                throw new IllegalStateException("dynalite left items unprocessed; the floor would be wrong");
            }
        }
    }
}
