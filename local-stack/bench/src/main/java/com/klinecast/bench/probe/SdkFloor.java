package com.klinecast.bench.probe;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cold-start floor, in a fresh JVM on the same jar: build the two SDK clients the predictor needs and make
 * one call each (the latest feature row, the champion alias), nothing else.
 */
public final class SdkFloor {

    private SdkFloor() {
    }

    public static void main(String[] args) {
        try (DynamoDbClient ddb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).build();
                S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.builder().build()).build()) {
            ddb.query(q -> q.tableName(System.getenv("FEATURE_TABLE")).keyConditionExpression("series = :s")
                    .expressionAttributeValues(java.util.Map.of(":s",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("BTCUSDT#1d")))
                    .scanIndexForward(false).limit(1));
            s3.getObjectAsBytes(g -> g.bucket(System.getenv("MODEL_BUCKET"))
                    .key("models/BTCUSDT/1d/champion.json"));
        }
        System.out.println("status 200 rssKb " + Rss.peakKb());
    }
}
