package com.klinecast.bench.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The ingest function's memory floor, in a fresh JVM on the same jar and flags: the two clients it needs (the
 * JDK's HTTP client for the klines, the SDK's DynamoDB client), one klines page fetched and one batch of 25 items
 * written; no parsing, features or paging. Prints the peak resident set.
 */
public final class IngestFloor {

    private IngestFloor() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = System.getenv("BINANCE_BASE_URL");
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v3/klines?symbol="
                + System.getenv("PROBE_SYMBOL") + "&interval=" + System.getenv("PROBE_INTERVAL") + "&startTime=0&limit=1000"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "series", AttributeValue.fromS("FLOOR#1m"), "openTime", AttributeValue.fromN(Integer.toString(i)),
                    "close", AttributeValue.fromN("1.5"))).build()).build());
        }
        try (DynamoDbClient ddb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.builder().build())
                .build()) {
            ddb.batchWriteItem(b -> b.requestItems(Map.of(System.getenv("FEATURE_TABLE"), batch)));
        }
        System.out.println("status " + page.statusCode() + " bytes " + page.body().length + " rssKb " + Rss.peakKb());
    }
}
