package com.klinecast.core.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients configured the standard way: region, credentials and endpoint come from the default provider
 * chains (AWS_REGION, the Lambda role, AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_S3 or their
 * system-property forms, e.g. {@code aws.endpointUrlS3}, for a local stack). Built once per execution environment,
 * never per request.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        // The URL-connection client starts faster and weighs less than Apache's, which matters for cold starts.
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).build();
    }

    /**
     * The model registry's client. No path-style switch: the SDK addresses a bucket path-style by itself when the
     * endpoint is an IP address (S3Proxy on 127.0.0.1), and virtual-hosted style on AWS.
     */
    public static S3Client s3() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.builder().build()).build();
    }

    /** The ingest queue's client (planner and workers). */
    public static SqsClient sqs() {
        return SqsClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).build();
    }
}
